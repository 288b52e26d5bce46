// The desk's day against the real database: the whole loop, scheduling, corrections, republish,
// the records every transition leaves, notifications, the queue and the story list's cursor.
import { beforeAll, describe, expect, it } from "vitest";
import { getArticleHistory } from "@/lib/articles/revisions/article-history";
import { saveArticle } from "@/lib/articles/editor/edit-article";
import { getDeskQueue, countDeskQueue } from "@/lib/articles/workflow/desk-queue";
import { getDeskReview } from "@/lib/articles/workflow/desk-review";
import { listNewsroomArticles } from "@/lib/articles/newsroom-articles";
import { getLatestPublicArticles, getPublicArticle } from "@/lib/articles/public/public-queries";
import { approveArticle, cancelSchedule, republishArticle, rescheduleArticle, returnArticle, submitArticle, unpublishArticle, withdrawArticle } from "@/lib/articles/workflow/transitions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { countUnreadNotifications, listOwnNotifications, markOwnNotificationsRead } from "@/lib/notifications/staff-notifications";
import { createStaff } from "../support/staff-fixtures";
import { paragraphBody, submittableBody, submittableDraft, versionOf } from "../support/story-fixtures";

const HOUR = 3_600_000;
let intern: StaffUser;
let editor: StaffUser;

beforeAll(async () => {
  intern = await createStaff("REPORTER", { title: "인턴기자" });
  editor = await createStaff("EDITOR");
});

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: unknown) => (error instanceof DomainError ? error.code : `unexpected: ${String(error)}`),
  );
const transitionsOf = async (articleId: number) =>
  (await db.articleTransition.findMany({ where: { articleId }, orderBy: { createdAt: "asc" } })).map((t) => `${t.kind} ${t.fromStatus}->${t.toStatus}${t.note ? ` (${t.note})` : ""}`);

async function submitted(headline: string) {
  const draft = await submittableDraft(intern, { headline });
  await submitArticle(intern, draft.id);
  return draft.id;
}

describe("draft -> submit -> return -> resubmit -> approve", () => {
  it("runs the loop, records each step with who and the note, tells the reporter, and the desk sees what changed since it returned the story", async () => {
    const draft = await submittableDraft(intern, { headline: "고양시 청년 월세 지원 확대" });
    await submitArticle(intern, draft.id);
    await returnArticle(editor, draft.id, { note: "시 관계자 반론을 넣어 주세요." });

    const notes = await listOwnNotifications(intern);
    expect(notes[0]).toMatchObject({ kind: "RETURNED", note: "시 관계자 반론을 넣어 주세요.", read: false, article: { id: draft.id } });
    expect(await countUnreadNotifications(intern)).toBeGreaterThanOrEqual(1);

    await saveArticle(intern, draft.id, { version: await versionOf(draft.id), body: submittableBody("시 관계자는 \"예산은 충분하다\"고 말했다.") });
    await submitArticle(intern, draft.id);
    expect((await db.article.findUniqueOrThrow({ where: { id: draft.id } })).deskNote).toBeNull();

    const review = await getDeskReview(editor, draft.id);
    expect(review.comparison?.kind).toBe("resubmitted");
    const body = review.comparison?.fields.find((field) => field.field === "body");
    expect(body?.changed).toBe(true);
    expect(body?.segments.filter((segment) => segment.kind === "added").map((segment) => segment.text).join("")).toContain("예산은 충분하다");
    expect(review.transitions.filter((verdict) => verdict.allowed).map((verdict) => verdict.action)).toEqual(["return", "approve", "schedule", "unpublish"].filter((action) => action !== "unpublish"));

    await approveArticle(editor, draft.id, { version: await versionOf(draft.id) });
    expect(await transitionsOf(draft.id)).toEqual([
      "SUBMIT DRAFT->SUBMITTED",
      "RETURN SUBMITTED->DRAFT (시 관계자 반론을 넣어 주세요.)",
      "SUBMIT DRAFT->SUBMITTED",
      "PUBLISH SUBMITTED->PUBLISHED",
    ]);
    expect((await getPublicArticle(draft.id))?.headline).toBe("고양시 청년 월세 지원 확대");
    expect((await listOwnNotifications(intern)).map((note) => note.kind)).toEqual(["PUBLISHED", "RETURNED"]);
    await markOwnNotificationsRead(intern);
    expect(await countUnreadNotifications(intern)).toBe(0);

    const history = await getArticleHistory(intern, draft.id);
    const returned = history.find((entry) => entry.type === "transition" && entry.kind === "RETURN");
    expect(returned).toMatchObject({ by: { id: editor.id }, byDesk: true, note: "시 관계자 반론을 넣어 주세요." });
    expect(history.find((entry) => entry.type === "revision" && entry.kind === "SAVE" && entry.by.id === intern.id)?.byDesk).toBe(false);
  });

  it("refuses a submission that lacks a section, a body of some length or image credits, listing what is missing in Korean", async () => {
    const draft = await submittableDraft(intern, { headline: "짧은 기사", sectionId: null, body: paragraphBody("한 줄.") });
    const error = await submitArticle(intern, draft.id).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("VALIDATION");
    expect((error as DomainError).message).toContain("섹션을 고르지 않았습니다.");
    expect((error as DomainError).message).toContain("본문이 너무 짧습니다");
    const photo = await db.media.create({ data: { storageKey: `m/t/${draft.id}.jpg`, mimeType: "image/jpeg", byteSize: 1, width: 10, height: 10, altText: "" } });
    await saveArticle(intern, draft.id, { version: await versionOf(draft.id), sectionId: (await db.section.findFirstOrThrow()).id, body: submittableBody(), heroImageId: photo.id, heroCredit: "" });
    const imageError = (await submitArticle(intern, draft.id).catch((caught: unknown) => caught)) as DomainError;
    expect(imageError.message).toContain("대표 사진: 대체 텍스트, 사진 출처가 없습니다.");
    expect((await db.article.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DRAFT");
  });

  it("authorizes before validating: a reporter's approve is 403 whatever the body, even with none", async () => {
    const id = await submitted("권한 먼저");
    for (const body of [undefined, {}, { version: "x" }, { version: await versionOf(id) }]) {
      expect(await codeOf(approveArticle(intern, id, body))).toBe("FORBIDDEN");
    }
    expect(await codeOf(returnArticle(intern, id, {}))).toBe("FORBIDDEN");
    expect(await codeOf(approveArticle(intern, 2_000_000_000, {}))).toBe("FORBIDDEN");
  });
});

describe("회수: the reporter takes a submitted story back before approval", () => {
  it("the story is a draft again and off the queue, the history records it with the note, and it can be submitted anew", async () => {
    const id = await submitted("회수할 기사");
    expect((await getDeskQueue(editor, {})).some((item) => item.id === id)).toBe(true);
    // Only its writer, and only while the desk has not approved it.
    expect(await codeOf(withdrawArticle(editor, id, {}))).toBe("FORBIDDEN");
    expect(await codeOf(withdrawArticle(await createStaff("REPORTER"), id, {}))).toBe("FORBIDDEN");
    expect(await codeOf(withdrawArticle(intern, id, { note: "가".repeat(2001) }))).toBe("VALIDATION");

    await withdrawArticle(intern, id, { note: "수치를 다시 확인하겠습니다" });
    expect(await db.article.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DRAFT", submittedAt: null, liveRevisionId: null });
    expect((await getDeskQueue(editor, {})).some((item) => item.id === id)).toBe(false);
    expect(await transitionsOf(id)).toEqual(["SUBMIT DRAFT->SUBMITTED", "WITHDRAW SUBMITTED->DRAFT (수치를 다시 확인하겠습니다)"]);
    expect((await getArticleHistory(intern, id)).some((entry) => JSON.stringify(entry).includes("회수"))).toBe(true);
    expect(await codeOf(withdrawArticle(intern, id, {}))).toBe("CONFLICT");

    await submitArticle(intern, id);
    await approveArticle(editor, id, { version: await versionOf(id) });
    const refusal = withdrawArticle(intern, id, {});
    await expect(refusal).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("이미 승인한 기사") });
  });
});

describe("scheduling in Korea time", () => {
  it("schedules, moves, cancels (back to the desk), and a story is invisible until its time", async () => {
    const id = await submitted("예약 기사");
    const now = new Date();
    const at = new Date("2099-03-01T09:00:00+09:00");
    await approveArticle(editor, id, { version: await versionOf(id), publishAt: "2099-03-01T09:00:00+09:00" }, now);
    expect(await db.article.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SCHEDULED", publishedAt: at });
    expect(await getPublicArticle(id, now)).toBeNull();

    const moved = new Date("2099-03-02T07:30:00+09:00");
    await rescheduleArticle(editor, id, { publishAt: "2099-03-02T07:30:00+09:00" }, now);
    expect((await db.article.findUniqueOrThrow({ where: { id } })).publishedAt).toEqual(moved);
    // The reporter's "published" notification moved with it and stays hidden until then.
    expect((await listOwnNotifications(intern, now)).some((note) => note.article.id === id && note.kind === "PUBLISHED")).toBe(false);
    expect((await listOwnNotifications(intern, new Date(moved.getTime() + 1))).some((note) => note.article.id === id && note.kind === "PUBLISHED")).toBe(true);
    expect((await getPublicArticle(id, new Date(moved.getTime() + 1000)))?.headline).toBe("예약 기사");

    expect(await codeOf(rescheduleArticle(editor, id, { publishAt: new Date(now.getTime() - HOUR) }, now))).toBe("VALIDATION");
    expect(await codeOf(rescheduleArticle(editor, id, { publishAt: new Date(moved.getTime() + HOUR) }, new Date(moved.getTime() + 1)))).toBe("CONFLICT");

    await cancelSchedule(editor, id, { note: "내일 지면과 맞추기로" }, now);
    expect(await db.article.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SUBMITTED", publishedAt: null, liveRevisionId: null, approvedAt: null });
    expect((await listOwnNotifications(intern, new Date(moved.getTime() + 1))).some((note) => note.article.id === id && note.kind === "PUBLISHED")).toBe(false);
    expect(await transitionsOf(id)).toEqual(["SUBMIT DRAFT->SUBMITTED", "SCHEDULE SUBMITTED->SCHEDULED", "RESCHEDULE SCHEDULED->SCHEDULED", "CANCEL_SCHEDULE SCHEDULED->SUBMITTED (내일 지면과 맞추기로)"]);
    expect((await getDeskQueue(editor, {})).some((item) => item.id === id)).toBe(true);
  });
});

describe("corrections and pending updates", () => {
  it("a pending update stays invisible until approved; 정정 needs a note and is recorded with its type", async () => {
    const id = await submitted("원래 제목");
    await approveArticle(editor, id, { version: await versionOf(id) });
    await saveArticle(editor, id, { version: await versionOf(id), headline: "바로잡은 제목" });
    expect((await getPublicArticle(id))?.headline).toBe("원래 제목");
    expect(JSON.stringify(await getLatestPublicArticles(200))).not.toContain("바로잡은 제목");
    const queue = await getDeskQueue(editor, { kind: "update" });
    expect(queue.find((item) => item.id === id)).toMatchObject({ kind: "update" });
    const review = await getDeskReview(editor, id);
    expect(review.comparison).toMatchObject({ kind: "pending" });
    expect(review.comparison?.fields.find((field) => field.field === "headline")?.changed).toBe(true);

    const version = await versionOf(id);
    expect(await codeOf(approveArticle(editor, id, { version, correctionType: "CORRECTION" }))).toBe("VALIDATION");
    expect(await codeOf(approveArticle(editor, id, { version, correctionType: "UPDATE", correctionNote: "보이지 않을 설명" }))).toBe("VALIDATION");
    await approveArticle(editor, id, { version, correctionType: "CORRECTION", correctionNote: "제목의 기관명을 바로잡았습니다." });
    const story = await db.article.findUniqueOrThrow({ where: { id } });
    expect(story.lastCorrectedAt).toBeInstanceOf(Date);
    expect((await getPublicArticle(id))?.headline).toBe("바로잡은 제목");
    expect(await db.articleCorrection.findMany({ where: { articleId: id }, select: { type: true, note: true } })).toEqual([{ type: "CORRECTION", note: "제목의 기관명을 바로잡았습니다." }]);
    const event = await db.domainEvent.findFirst({ where: { type: "article.corrected", payload: { path: ["articleId"], equals: id } } });
    expect(event?.payload).toMatchObject({ correctionType: "CORRECTION" });
  });

  it("a first approval refuses a correction type other than 수정", async () => {
    const id = await submitted("첫 승인");
    expect(await codeOf(approveArticle(editor, id, { version: await versionOf(id), correctionType: "REPLY", correctionNote: "반론" }))).toBe("VALIDATION");
  });
});

describe("unpublish and republish", () => {
  it("unpublishing takes it out of every list; republishing puts the approved text back, with its reason recorded", async () => {
    const id = await submitted("내렸다 다시 올릴 기사");
    await approveArticle(editor, id, { version: await versionOf(id) });
    const firstPublished = (await db.article.findUniqueOrThrow({ where: { id } })).publishedAt;
    await unpublishArticle(editor, id, { reason: "사실 확인 중" });
    expect(await getPublicArticle(id)).toBeNull();
    expect((await getLatestPublicArticles(200)).some((story) => story.id === id)).toBe(false);
    expect(await codeOf(republishArticle(editor, id, { reason: "" }))).toBe("VALIDATION");
    expect(await codeOf(republishArticle(intern, id, { reason: "내 기사" }))).toBe("FORBIDDEN");
    await republishArticle(editor, id, { reason: "사실 확인 완료" });
    expect(await db.article.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "PUBLISHED", unpublishedAt: null, publishedAt: firstPublished });
    expect((await getPublicArticle(id))?.headline).toBe("내렸다 다시 올릴 기사");
    expect((await transitionsOf(id)).slice(-2)).toEqual(["UNPUBLISH PUBLISHED->UNPUBLISHED (사실 확인 중)", "REPUBLISH UNPUBLISHED->PUBLISHED (사실 확인 완료)"]);
    expect(await db.domainEvent.count({ where: { type: "article.republished", payload: { path: ["articleId"], equals: id } } })).toBe(1);
  });
});

describe("the queue and the story list", () => {
  it("the queue holds submitted stories and pending updates, oldest wait first, with length and image checks, filtered", async () => {
    const older = await submitted("먼저 넘긴 기사");
    const newer = await submitted("나중에 넘긴 기사");
    const queue = await getDeskQueue(editor, {});
    const ids = queue.map((item) => item.id);
    expect(ids.indexOf(older)).toBeLessThan(ids.indexOf(newer));
    const item = queue.find((entry) => entry.id === older);
    expect(item?.length.withSpaces).toBeGreaterThan(100);
    expect(item?.length.manuscriptPages).toBeGreaterThan(0.5);
    expect(item).toMatchObject({ kind: "submitted", author: { id: intern.id }, images: { count: 0, problems: [] } });
    expect((await getDeskQueue(editor, { q: "나중에" })).map((entry) => entry.id)).toEqual([newer]);
    expect(await countDeskQueue(editor)).toBeGreaterThanOrEqual(2);
    expect(await codeOf(getDeskQueue(intern, {}))).toBe("FORBIDDEN");
  });

  it("pages the story list by cursor without repeats, and a reporter sees only their own", async () => {
    for (let n = 0; n < 5; n += 1) await submittableDraft(intern, { headline: `커서 기사 ${n}` });
    const seen: number[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page += 1) {
      const result = await listNewsroomArticles(editor, { q: "커서 기사", limit: "2", ...(cursor ? { cursor } : {}) });
      seen.push(...result.articles.map((article) => article.id));
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    const other = await createStaff("REPORTER");
    expect((await listNewsroomArticles(other, { q: "커서 기사" })).articles).toEqual([]);
    expect(await codeOf(listNewsroomArticles(other, { authorId: intern.id }))).toBe("FORBIDDEN");
    expect(await codeOf(listNewsroomArticles(editor, { cursor: "abc" }))).toBe("VALIDATION");
  });
});
