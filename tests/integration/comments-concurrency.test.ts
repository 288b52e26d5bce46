// Comment limits under real concurrency, against PostgreSQL: 1,000 posts from 50 sources fired
// at once must leave every counter right, lose no accepted comment, and let no source past its
// limits (the per-source advisory lock in lib/comments/post-comment.ts). Likes and reports racing
// on one comment must count each visitor exactly once.
import { beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff-user";
import { likeComment, reportComment } from "@/lib/comments/comment-reactions";
import { DEFAULT_COMMENT_SETTINGS, updateCommentSettings } from "@/lib/comments/comment-settings";
import { postComment } from "@/lib/comments/post-comment";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { createArticle, createStaff } from "../support/staff-fixtures";
import { ipv4Visitor } from "../support/comment-visitors";

let admin: StaffUser;

async function story() {
  const { id } = await createArticle(admin.id, "PUBLISHED");
  await db.article.update({ where: { id }, data: { publishedAt: new Date(Date.now() - 24 * 3_600_000) } });
  return id;
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

type Outcome = { ok: true; id: number } | { ok: false; code: string; message: string };
const outcome = (promise: Promise<{ id: number }>): Promise<Outcome> =>
  promise.then(
    ({ id }) => ({ ok: true, id }),
    (error: unknown) => ({ ok: false, code: error instanceof DomainError ? error.code : `unexpected: ${String(error)}`, message: error instanceof Error ? error.message : "" }),
  );

beforeAll(async () => {
  admin = await createStaff("ADMIN");
});

describe("1,000 concurrent posts from 50 sources", () => {
  it("every accepted comment is stored, every source stops exactly at its limits", async () => {
    // The hourly cap per story and the duplicate rule are what is tested here; the 15-second rule
    // would let each source post only once (tested below).
    await updateCommentSettings(admin, { ...DEFAULT_COMMENT_SETTINGS, minIntervalSeconds: 0 });
    const [first, second] = [await story(), await story()];
    const now = new Date();
    const sources = Array.from({ length: 50 }, (_, i) => `race-source-${i}`);
    // Per source: 12 different texts on the first story (10 fit in the hour), 6 different texts
    // on the second plus one text twice (the repeat is refused): 17 accepted, 3 refused.
    const attempts = shuffle(
      sources.flatMap((source) => [
        ...Array.from({ length: 12 }, (_, i) => ({ source, articleId: first, body: `첫 기사 의견 ${i}` })),
        ...Array.from({ length: 6 }, (_, i) => ({ source, articleId: second, body: `둘째 기사 의견 ${i}` })),
        { source, articleId: second, body: "같은 말 반복" },
        { source, articleId: second, body: "같은 말 반복" },
      ]),
    );
    expect(attempts).toHaveLength(1000);

    const results = await Promise.all(attempts.map((attempt) => outcome(postComment(attempt.articleId, { nickname: "동시독자", password: "1234", body: attempt.body }, ipv4Visitor(attempt.source), now))));

    const accepted = results.flatMap((result) => (result.ok ? [result.id] : []));
    const refused = results.filter((result): result is Extract<Outcome, { ok: false }> => !result.ok);
    // Only the flood rules refuse (anything else, e.g. a database error, is named here).
    expect(refused.filter((result) => result.code !== "LOCKED").map((result) => `${result.code}: ${result.message}`).slice(0, 3)).toEqual([]);
    expect(accepted).toHaveLength(850);
    expect(refused).toHaveLength(150);

    // No accepted comment lost, nothing stored that was refused.
    expect(new Set(accepted).size).toBe(850);
    expect(await db.comment.count({ where: { id: { in: accepted } } })).toBe(850);
    expect(await db.comment.count({ where: { articleId: { in: [first, second] } } })).toBe(850);
    expect(await db.domainEvent.count({ where: { type: "comment.posted", payload: { path: ["articleId"], equals: first } } })).toBe(500);
    // Each accepted comment has exactly its own event (written in the insert's statement).
    const events = await db.domainEvent.findMany({ where: { type: "comment.posted", OR: [first, second].map((id) => ({ payload: { path: ["articleId"], equals: id } })) }, select: { payload: true } });
    const eventCommentIds = events.map((event) => (event.payload as { commentId?: unknown }).commentId);
    expect([...eventCommentIds].sort()).toEqual([...accepted].sort());

    // Every source exactly at its limits, none over.
    const perSource = await db.comment.groupBy({ by: ["ipHash", "articleId"], where: { articleId: { in: [first, second] } }, _count: { _all: true } });
    expect(perSource).toHaveLength(100);
    for (const row of perSource) expect(row._count._all).toBe(row.articleId === first ? 10 : 7);
    const repeats = await db.comment.groupBy({ by: ["ipHash"], where: { articleId: second, body: "같은 말 반복" }, _count: { _all: true } });
    expect(repeats.every((row) => row._count._all === 1)).toBe(true);
  }, 120_000);

  it("with the 15-second rule on, concurrent posts from one source get exactly one through", async () => {
    await updateCommentSettings(admin, DEFAULT_COMMENT_SETTINGS);
    const articleId = await story();
    const now = new Date();
    const attempts = shuffle(Array.from({ length: 50 }, (_, s) => Array.from({ length: 5 }, (_, i) => ({ source: `burst-${s}`, body: `연속 ${i}` }))).flat());
    const results = await Promise.all(attempts.map((attempt) => outcome(postComment(articleId, { nickname: "급한독자", password: "1234", body: attempt.body }, ipv4Visitor(attempt.source), now))));
    expect(results.filter((result) => result.ok)).toHaveLength(50);
    const perSource = await db.comment.groupBy({ by: ["ipHash"], where: { articleId }, _count: { _all: true } });
    expect(perSource.map((row) => row._count._all)).toEqual(Array(50).fill(1));
  }, 60_000);
});

describe("likes and reports racing on one comment", () => {
  it("200 likes from 150 visitors (some clicking twice) count 150", async () => {
    const articleId = await story();
    const { id } = await postComment(articleId, { nickname: "인기독자", password: "1234", body: "공감 많이 받을 댓글" }, ipv4Visitor("popular-writer"));
    const visitors = shuffle([...Array.from({ length: 150 }, (_, i) => `fan-${i}`), ...Array.from({ length: 50 }, (_, i) => `fan-${i * 3}`)]);
    const results = await Promise.allSettled(visitors.map((source) => likeComment(id, ipv4Visitor(source))));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(150);
    const comment = await db.comment.findUniqueOrThrow({ where: { id } });
    expect(comment.likeCount).toBe(150);
    expect(await db.commentLike.count({ where: { commentId: id } })).toBe(150);
    expect(await db.domainEvent.count({ where: { type: "comment.liked", payload: { path: ["commentId"], equals: id } } })).toBe(150);
  });

  it("10 reports at once past a threshold of 3: hidden, counted 10", async () => {
    const articleId = await story();
    const { id } = await postComment(articleId, { nickname: "논쟁독자", password: "1234", body: "신고가 몰릴 댓글" }, ipv4Visitor("disputed-writer"));
    await Promise.all(Array.from({ length: 10 }, (_, i) => reportComment(id, { reason: "abuse" }, ipv4Visitor(`reporter-${i}`))));
    const comment = await db.comment.findUniqueOrThrow({ where: { id } });
    expect(comment).toMatchObject({ status: "HIDDEN", hiddenReason: "reports", reportCount: 10 });
    expect(await db.commentReport.count({ where: { commentId: id } })).toBe(10);
  });
});
