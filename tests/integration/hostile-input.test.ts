// Inputs that would otherwise reach the database or the stack as 500s get a 4xx with a Korean
// message: NUL, lone surrogates, ids and versions out of PostgreSQL's integer range,
// references to rows that do not exist, dates PostgreSQL cannot store, absurd nesting.
import { beforeAll, describe, expect, it } from "vitest";
import { errorResponse } from "@/lib/api/api-route";
import { createArticleDraft, saveArticle } from "@/lib/articles/editor/edit-article";
import { approveArticle, submitArticle } from "@/lib/articles/workflow/transitions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import { updateOwnProfile } from "@/lib/staff/own-account";
import { createStaff } from "../support/staff-fixtures";
import { submittableDraft } from "../support/story-fixtures";

let reporter: StaffUser;
let editor: StaffUser;
beforeAll(async () => {
  reporter = await createStaff("REPORTER");
  editor = await createStaff("EDITOR");
});

const text = (value: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: value }] }] });
const deep = (levels: number) => ({ type: "doc", content: [Array.from({ length: levels }).reduce<unknown>((inner) => ({ type: "blockquote", content: [inner] }), text("x").content[0])] });

/** The HTTP answer the API would give for what `work` throws (or 200 when it succeeds). */
async function statusOf(work: () => Promise<unknown>): Promise<{ status: number; message?: string }> {
  try {
    await work();
    return { status: 200 };
  } catch (error) {
    const response = errorResponse(error);
    const body = (await response.json()) as { error?: { message?: string } };
    return { status: response.status, message: body.error?.message };
  }
}

describe("story input that used to be a 500", () => {
  const cases: [string, Record<string, unknown>][] = [
    ["NUL in the headline", { headline: "제목\u0000" }],
    ["NUL in a sub-headline", { headline: "제목", subHeadlines: ["부제\u0000"] }],
    ["NUL in the caption", { headline: "제목", heroCaption: "설명\u0000" }],
    ["NUL in a text node", { headline: "제목", body: text("본문\u0000") }],
    ["NUL in a link title", { headline: "제목", body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "https://a.example", title: "\u0000" } }] }] }] } }],
    ["a lone surrogate in the body", { headline: "제목", body: text("\uDC00깨짐") }],
    ["a lone surrogate in the headline", { headline: "\uD83D 제목" }],
    ["a sectionId that does not exist", { headline: "제목", sectionId: 987654 }],
    ["a heroImageId that does not exist", { headline: "제목", heroImageId: "nosuchmedia" }],
    ["sectionId 2147483648", { headline: "제목", sectionId: 2147483648 }],
    ["sectionId 1e15", { headline: "제목", sectionId: 1e15 }],
    ["a body nested 2,000 levels", { headline: "제목", body: deep(2000) }],
    ["a headline that is a number", { headline: 42 }],
    ["a deck that is a string", { headline: "제목", subHeadlines: "부제" }],
  ];

  it.each(cases)("%s: creating a draft is a 400 with a Korean message", async (_name, input) => {
    const result = await statusOf(() => createArticleDraft(reporter, input));
    expect(result.status).toBe(400);
    expect(result.message).toMatch(/[가-힣]/);
  });

  it.each(cases)("%s: saving is a 400 and the stored story is untouched", async (_name, input) => {
    const draft = await createArticleDraft(reporter, { headline: "원래 제목" });
    const result = await statusOf(() => saveArticle(reporter, draft.id, { ...input, version: draft.version }));
    expect(result.status).toBe(400);
    expect(await db.article.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ headline: "원래 제목", version: draft.version });
  });

  it.each([2 ** 31, 2 ** 53, 1e309, -1, 0, 1.5])("version %s is a 400, not a database error", async (version) => {
    const draft = await createArticleDraft(reporter, { headline: "판" });
    expect((await statusOf(() => saveArticle(reporter, draft.id, { headline: "새 제목", version }))).status).toBe(400);
    expect((await statusOf(() => approveArticle(editor, draft.id, { version }))).status).toBe(400);
  });

  it.each(["+275760-09-13", "+275760-09-13T00:00:00.000Z", "-271821-04-20", "1899-12-31T00:00:00Z", "2100-01-01T00:00:00Z", "not a date", ""])("publishAt %j is refused with a 400, never stored as null", async (publishAt) => {
    const draft = await submittableDraft(reporter, { headline: "예약" });
    await submitArticle(reporter, draft.id);
    const version = (await db.article.findUniqueOrThrow({ where: { id: draft.id } })).version;
    expect((await statusOf(() => approveArticle(editor, draft.id, { version, publishAt }))).status).toBe(400);
    expect(await db.article.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: "SUBMITTED", publishedAt: null });
  });

  it("the same story without the bad part is accepted (the checks are not over-eager)", async () => {
    expect((await statusOf(() => createArticleDraft(reporter, { headline: "제목 👍🏽", subHeadlines: ["부제"], heroCaption: "설명", body: text("본문") }))).status).toBe(200);
  });
});

describe("profile input that used to be a 500", () => {
  it.each([
    ["NUL in the name", { name: "이름\u0000" }],
    ["NUL in the bio", { bio: "소개\u0000" }],
    ["a lone surrogate in the bio", { bio: "\uD800" }],
    ["a name that is an object", { name: { toString: "x" } }],
  ])("%s is a 400", async (_name, input) => {
    const person = await createStaff("REPORTER");
    const result = await statusOf(() => updateOwnProfile(person, input));
    expect(result.status).toBe(400);
    expect(result.message).toMatch(/[가-힣]/);
  });
});
