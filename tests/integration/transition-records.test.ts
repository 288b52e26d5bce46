// A transition and its record (ArticleTransition), its event, its audit entry and the reporter's
// notification are written in one transaction: when writing the record fails after the change
// was made, neither the change nor anything else remains.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { approveArticle, returnArticle, submitArticle, unpublishArticle } from "@/lib/articles/workflow/transitions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { createStaff } from "../support/staff-fixtures";
import { submittableDraft } from "../support/story-fixtures";

const holder = globalThis as unknown as { newsroomDb?: Db };
let plain: Db | undefined;
let reporter: StaffUser;
let editor: StaffUser;

beforeAll(async () => {
  reporter = await createStaff("REPORTER");
  editor = await createStaff("EDITOR");
});

afterEach(() => {
  if (plain) holder.newsroomDb = plain;
  plain = undefined;
});

/** From now on, writing a transition record fails (after the article row was already updated in the same transaction). */
function failTransitionRecords(): void {
  plain = holder.newsroomDb;
  if (!plain) throw new Error("the test database client is not open yet");
  holder.newsroomDb = plain.$extends({
    query: {
      articleTransition: {
        async create() {
          throw new Error("disk full while writing the transition record");
        },
      },
    },
  }) as unknown as Db;
}

async function snapshot(articleId: number) {
  const [article, transitions, events, audits, notifications, revisions] = await Promise.all([
    db.article.findUniqueOrThrow({ where: { id: articleId }, select: { status: true, version: true, deskNote: true, liveRevisionId: true, unpublishedAt: true } }),
    db.articleTransition.count({ where: { articleId } }),
    db.domainEvent.count({ where: { payload: { path: ["articleId"], equals: articleId } } }),
    db.auditLog.count({ where: { targetType: "Article", targetId: String(articleId) } }),
    db.staffNotification.count({ where: { articleId } }),
    db.articleRevision.count({ where: { articleId } }),
  ]);
  return { article, transitions, events, audits, notifications, revisions };
}

describe("a transition and its record are one", () => {
  it.each([
    ["submit", async (id: number) => submitArticle(reporter, id)],
    ["return", async (id: number) => returnArticle(editor, id, { note: "출처를 더 밝혀 주세요." })],
    ["approve", async (id: number) => approveArticle(editor, id, { version: (await db.article.findUniqueOrThrow({ where: { id } })).version })],
    ["unpublish", async (id: number) => unpublishArticle(editor, id, { reason: "사실 확인 중" })],
  ] as const)("%s: when the record cannot be written, the change is gone too", async (name, run) => {
    const draft = await submittableDraft(reporter, { headline: `기록 실패 ${name}` });
    if (name !== "submit") await submitArticle(reporter, draft.id);
    if (name === "unpublish") await approveArticle(editor, draft.id, { version: (await db.article.findUniqueOrThrow({ where: { id: draft.id } })).version });
    const before = await snapshot(draft.id);

    failTransitionRecords();
    await expect(run(draft.id)).rejects.toThrow(/transition record/);
    holder.newsroomDb = plain;
    plain = undefined;

    expect(await snapshot(draft.id)).toEqual(before);
  });

  it("and when nothing fails, the change and its record are both there", async () => {
    const draft = await submittableDraft(reporter, { headline: "기록 성공" });
    await submitArticle(reporter, draft.id);
    const record = await db.articleTransition.findFirstOrThrow({ where: { articleId: draft.id } });
    expect(record).toMatchObject({ kind: "SUBMIT", fromStatus: "DRAFT", toStatus: "SUBMITTED", actorId: reporter.id });
    expect((await db.article.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("SUBMITTED");
  });
});
