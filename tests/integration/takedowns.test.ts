// 임시조치 (lib/takedowns) against a real PostgreSQL: the desk blocks a story or a comment for up
// to 30 days; readers get a notice instead (the story leaves every list; the comment keeps its
// place); the poster is told when they are staff; the block ends by its time alone, and its end is
// recorded once even with two job runners (two instances); the desk restores early or deletes,
// each on the record. (Every public surface against a blocked story: the planted `blocked` story
// in public-surfaces.test.ts and the browser tests.)
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getArticlePageData, getPublicArticle } from "@/lib/articles/public/public-queries";
import { getLatestStories } from "@/lib/articles/public/public-lists";
import { publiclyVisibleSql, publiclyVisibleWhere } from "@/lib/articles/public/visibility";
import type { StaffUser } from "@/lib/auth/staff-user";
import { listPublicComments } from "@/lib/comments/list-comments";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { JOB_TASKS } from "@/lib/jobs/job-tasks";
import { startJobRunner, type RunningJobRunner } from "@/lib/jobs/job-runner";
import { applyTakedown } from "@/lib/takedowns/apply-takedown";
import { deleteTakedownTarget, restoreTakedown } from "@/lib/takedowns/end-takedown";
import { expireTakedown } from "@/lib/takedowns/expire-takedowns";
import { listTakedowns } from "@/lib/takedowns/takedown-queries";
import { createArticle, createStaff } from "../support/staff-fixtures";

const DAY = 24 * 60 * 60_000;
let editor: StaffUser;
let reporter: StaffUser;

beforeAll(async () => {
  editor = await createStaff("EDITOR");
  reporter = await createStaff("REPORTER");
});

const runners: RunningJobRunner[] = [];
afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.stop()));
});

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof DomainError ? { code: error.code, message: error.message } : { code: `unexpected: ${String(error)}` }),
  );

/** A story of the reporter's, published a day ago. */
async function publishedStory(): Promise<number> {
  const { id } = await createArticle(reporter.id, "PUBLISHED");
  await db.article.update({ where: { id }, data: { publishedAt: new Date(Date.now() - DAY) } });
  return id;
}

const visibleToReaders = async (id: number, at = new Date()) => (await db.article.findFirst({ where: { id, ...publiclyVisibleWhere(at) }, select: { id: true } })) !== null;
const auditActions = async (takedownId: number) =>
  (await db.auditLog.findMany({ where: { targetType: "Takedown", targetId: String(takedownId) }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true } })).map((row) => row);
const notificationsOf = async (userId: string, articleId: number) =>
  (await db.staffNotification.findMany({ where: { userId, articleId }, orderBy: { createdAt: "asc" }, select: { kind: true, note: true } })).map((row) => row.kind);

describe("blocking a story", () => {
  it("shows readers the notice (reason category, until when) and takes the story off every list; the author is told", async () => {
    const id = await publishedStory();
    expect(await visibleToReaders(id)).toBe(true);
    const applied = await applyTakedown(editor, { articleId: id, reason: "DEFAMATION", days: 30, claimReference: "R-2026-0001", note: "청구서 확인" });
    expect(applied.posterNotified).toBe(true);

    const page = await getArticlePageData(id);
    expect(page.state).toBe("blocked");
    if (page.state !== "blocked") return;
    expect(page.notice.label).toBe("명예훼손 주장에 따른 임시조치");
    expect(page.notice.text).toMatch(/^이 기사는 명예훼손 주장에 따른 임시조치로 \d{4}-\d{2}-\d{2} \d{2}:\d{2}까지 볼 수 없습니다/);
    expect(JSON.stringify(page)).not.toContain("테스트 기사");
    expect(await getPublicArticle(id)).toBeNull();
    expect((await getLatestStories({ limit: 200 })).map((story) => story.id)).not.toContain(id);
    // The comment routes treat it as not public: no comments listed, none taken.
    expect(await failureOf(listPublicComments(id, {}))).toMatchObject({ code: "NOT_FOUND" });

    const stored = await db.takedown.findUniqueOrThrow({ where: { id: applied.id } });
    expect(stored).toMatchObject({ status: "ACTIVE", reason: "DEFAMATION", claimReference: "R-2026-0001", commentId: null, createdById: editor.id });
    expect(stored.endsAt.getTime() - stored.startsAt.getTime()).toBe(30 * DAY);
    expect(await auditActions(applied.id)).toEqual([{ action: "takedown.apply", actorId: editor.id }]);
    expect(await notificationsOf(reporter.id, id)).toEqual(["TAKEN_DOWN"]);
    // Its end is queued for its time, once.
    const jobs = await db.$queryRawUnsafe<{ run_at: Date; key: string | null }[]>(
      `SELECT run_at, key FROM graphile_worker._private_jobs WHERE key = $1`,
      `takedown-expire:${applied.id}`,
    );
    expect(jobs.map((job) => job.run_at.getTime())).toEqual([stored.endsAt.getTime()]);
  });

  it("is in force to the millisecond: hidden until its end, public from it, in both forms of the rule", async () => {
    const id = await publishedStory();
    const start = new Date(Date.now() - DAY / 2);
    const { endsAt } = await applyTakedown(editor, { articleId: id, reason: "PRIVACY", days: 1 }, start);
    const justBefore = new Date(endsAt.getTime() - 1);
    const bySql = async (at: Date) => (await db.$queryRaw<{ id: number }[]>`SELECT a."id" FROM "Article" a WHERE a."id" = ${id} AND ${publiclyVisibleSql("a", at)}`).length === 1;
    expect([await visibleToReaders(id, justBefore), await bySql(justBefore)]).toEqual([false, false]);
    expect([await visibleToReaders(id, endsAt), await bySql(endsAt)]).toEqual([true, true]);
    expect(await getPublicArticle(id, endsAt)).not.toBeNull();
  });

  it("refuses what the law or the state does not allow, in Korean", async () => {
    const id = await publishedStory();
    expect(await failureOf(applyTakedown(editor, { articleId: id, reason: "DEFAMATION", days: 31 }))).toMatchObject({ code: "VALIDATION", message: expect.stringContaining("30일을 넘을 수 없습니다") });
    expect(await failureOf(applyTakedown(editor, { articleId: id, reason: "DEFAMATION", days: 0 }))).toMatchObject({ code: "VALIDATION" });
    expect(await failureOf(applyTakedown(editor, { articleId: id, reason: "NOPE", days: 3 }))).toMatchObject({ code: "VALIDATION", message: "임시조치 사유를 고르세요." });
    expect(await failureOf(applyTakedown(editor, { reason: "DEFAMATION", days: 3 }))).toMatchObject({ code: "VALIDATION", message: "막을 기사나 댓글 하나를 고르세요." });
    const draft = await createArticle(reporter.id, "DRAFT");
    expect(await failureOf(applyTakedown(editor, { articleId: draft.id, reason: "DEFAMATION", days: 3 }))).toMatchObject({ code: "VALIDATION", message: expect.stringContaining("게재 중이거나 예약된 기사만") });
    expect(await failureOf(applyTakedown(reporter, { articleId: id, reason: "DEFAMATION", days: 3 }))).toMatchObject({ code: "FORBIDDEN" });
    // Two desks at once: one block, one refusal.
    const outcomes = await Promise.all([1, 2].map(() => failureOf(applyTakedown(editor, { articleId: id, reason: "DEFAMATION", days: 3 }))));
    expect(outcomes.filter((outcome) => outcome === null)).toHaveLength(1);
    expect(outcomes.find((outcome) => outcome !== null)).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("이미 임시조치 중입니다") });
    expect(await db.takedown.count({ where: { articleId: id } })).toBe(1);
  });
});

describe("blocking a comment", () => {
  it("keeps its place in the list with the notice instead of the writer and text; a guest cannot be told", async () => {
    const id = await publishedStory();
    const before = await db.comment.create({ data: { articleId: id, body: "먼저 쓴 댓글", guestName: "이웃", ipHash: "takedown-a", createdAt: new Date(Date.now() - 3000) } });
    const blocked = await db.comment.create({ data: { articleId: id, body: "비방이라는 댓글 본문", guestName: "익명의손님", ipHash: "takedown-b", createdAt: new Date(Date.now() - 2000) } });
    const after = await db.comment.create({ data: { articleId: id, body: "나중에 쓴 댓글", guestName: "이웃2", ipHash: "takedown-c", createdAt: new Date(Date.now() - 1000) } });
    const applied = await applyTakedown(editor, { commentId: blocked.id, reason: "OTHER_RIGHTS", days: 7 });
    expect(applied).toMatchObject({ articleId: id, commentId: blocked.id, posterNotified: false });

    const list = await listPublicComments(id, {});
    expect(list.comments.map((comment) => comment.id)).toEqual([after.id, blocked.id, before.id]);
    const shown = list.comments.find((comment) => comment.id === blocked.id);
    expect(shown).toMatchObject({ body: "", nickname: "", tag: "", blocked: { label: "권리침해 주장에 따른 임시조치" } });
    expect(shown?.blocked?.text).toMatch(/^이 댓글은 권리침해 주장에 따른 임시조치로 .*까지 볼 수 없습니다/);
    expect(JSON.stringify(list)).not.toContain("비방이라는");
    expect(JSON.stringify(list)).not.toContain("익명의손님");
    // The story itself stays public.
    expect(await visibleToReaders(id)).toBe(true);
    expect(await db.staffNotification.count({ where: { articleId: id } })).toBe(0);
  });

  it("tells a staff commenter through the newsroom's notifications", async () => {
    const id = await publishedStory();
    const colleague = await createStaff("REPORTER");
    const comment = await db.comment.create({ data: { articleId: id, body: "직원이 단 댓글", userId: colleague.id, guestName: "기자", ipHash: "takedown-staff" } });
    const applied = await applyTakedown(editor, { commentId: comment.id, reason: "PRIVACY", days: 3 });
    expect(applied.posterNotified).toBe(true);
    expect(await notificationsOf(colleague.id, id)).toEqual(["TAKEN_DOWN"]);
  });
});

describe("the end of a block", () => {
  it("comes by its time alone, and is recorded once though two runners (two instances) take the queue", async () => {
    const id = await publishedStory();
    // Applied 25 hours ago for a day: over by the clock, not yet recorded.
    const { id: takedownId } = await applyTakedown(editor, { articleId: id, reason: "DEFAMATION", days: 1 }, new Date(Date.now() - DAY - 3_600_000));
    expect(await visibleToReaders(id)).toBe(true);
    expect((await getArticlePageData(id)).state).toBe("visible");
    expect((await db.takedown.findUniqueOrThrow({ where: { id: takedownId } })).status).toBe("ACTIVE");

    const url = process.env.DATABASE_URL ?? "";
    const quiet = { debug: () => undefined, warn: () => undefined, error: () => undefined };
    for (let n = 0; n < 2; n++) runners.push(await startJobRunner({ connectionString: url, tasks: JOB_TASKS, pollIntervalMs: 100, concurrency: 2, log: quiet }));
    await expect.poll(async () => (await db.takedown.findUniqueOrThrow({ where: { id: takedownId } })).status, { timeout: 30_000, interval: 50 }).toBe("EXPIRED");
    // Nothing more to do: a repeat is a no-op.
    expect(await expireTakedown(takedownId)).toBe(false);
    expect(await auditActions(takedownId)).toEqual([
      { action: "takedown.apply", actorId: editor.id },
      { action: "takedown.expire", actorId: null },
    ]);
    expect(await db.domainEvent.count({ where: { type: "takedown.ended", payload: { path: ["takedownId"], equals: takedownId } } })).toBe(1);
    expect(await notificationsOf(reporter.id, id)).toEqual(["TAKEN_DOWN", "TAKEDOWN_LIFTED"]);
  });

  it("is not recorded before its time (a job that runs early is retried, not obeyed)", async () => {
    const id = await publishedStory();
    const { id: takedownId } = await applyTakedown(editor, { articleId: id, reason: "DEFAMATION", days: 2 });
    await expect(expireTakedown(takedownId)).rejects.toThrow(/not due yet/);
    expect((await db.takedown.findUniqueOrThrow({ where: { id: takedownId } })).status).toBe("ACTIVE");
  });

  it("the desk restores early: public at once, on the record, the author told; a second restore is refused", async () => {
    const id = await publishedStory();
    const { id: takedownId } = await applyTakedown(editor, { articleId: id, reason: "DEFAMATION", days: 30 });
    await restoreTakedown(editor, { takedownId, note: "청구인이 요청을 거두었습니다" });
    expect(await visibleToReaders(id)).toBe(true);
    expect(await db.takedown.findUniqueOrThrow({ where: { id: takedownId } })).toMatchObject({ status: "RESTORED", endedById: editor.id, endNote: "청구인이 요청을 거두었습니다" });
    expect((await auditActions(takedownId)).map((entry) => entry.action)).toEqual(["takedown.apply", "takedown.restore"]);
    expect(await notificationsOf(reporter.id, id)).toEqual(["TAKEN_DOWN", "TAKEDOWN_LIFTED"]);
    expect(await failureOf(restoreTakedown(editor, { takedownId }))).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("이미 끝난 임시조치") });
    // The job, when its time comes, finds nothing to do.
    expect(await expireTakedown(takedownId)).toBe(false);
  });

  it("the desk deletes a blocked story: withdrawn (410) through the workflow, with the block closed in the same transaction", async () => {
    const id = await publishedStory();
    const { id: takedownId } = await applyTakedown(editor, { articleId: id, reason: "DEFAMATION", days: 30 });
    expect(await failureOf(deleteTakedownTarget(editor, { takedownId, note: "" }))).toMatchObject({ code: "VALIDATION", message: "삭제하는 이유를 적어 주세요." });
    expect(await deleteTakedownTarget(editor, { takedownId, note: "권리침해가 인정되었습니다" })).toBe("story");
    expect((await getArticlePageData(id)).state).toBe("gone");
    expect(await db.takedown.findUniqueOrThrow({ where: { id: takedownId } })).toMatchObject({ status: "DELETED", endedById: editor.id });
    const transition = await db.articleTransition.findFirstOrThrow({ where: { articleId: id, kind: "UNPUBLISH" } });
    expect(transition.note).toBe("임시조치 후 삭제: 권리침해가 인정되었습니다");
    expect((await auditActions(takedownId)).map((entry) => entry.action)).toEqual(["takedown.apply", "takedown.delete"]);
    expect(await notificationsOf(reporter.id, id)).toEqual(["TAKEN_DOWN", "TAKEDOWN_DELETED"]);
  });

  it("the desk deletes a blocked comment: it leaves the list", async () => {
    const id = await publishedStory();
    const comment = await db.comment.create({ data: { articleId: id, body: "지울 댓글", guestName: "손님", ipHash: "takedown-del" } });
    const { id: takedownId } = await applyTakedown(editor, { commentId: comment.id, reason: "PRIVACY", days: 10 });
    expect(await deleteTakedownTarget(editor, { takedownId, note: "사생활 침해가 분명합니다" })).toBe("comment");
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).status).toBe("DELETED");
    expect((await listPublicComments(id, {})).comments.map((one) => one.id)).not.toContain(comment.id);
  });

  it("the desk's list shows blocks in force first and the ended ones after, with how each ended", async () => {
    const id = await publishedStory();
    const { id: takedownId } = await applyTakedown(editor, { articleId: id, reason: "PRIVACY", days: 5, claimReference: "R-2026-0777" });
    const { inForce, ended } = await listTakedowns(editor);
    const mine = inForce.find((takedown) => takedown.id === takedownId);
    expect(mine).toMatchObject({ inForce: true, claimReference: "R-2026-0777", target: { articleId: id, comment: null, poster: { kind: "staff", name: reporter.name } } });
    expect(ended.every((takedown) => !takedown.inForce)).toBe(true);
    await expect(listTakedowns(reporter)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
