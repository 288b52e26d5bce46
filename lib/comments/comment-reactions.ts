import "server-only";
// 공감 and 신고: once per visitor per comment, each one statement that inserts the visitor's row
// and moves the comment's counter together, so concurrent clicks can neither lose nor double a
// count (the counter update takes the comment's row lock; a second row for the same visitor is
// refused by the primary key / unique index). A visitor here is the wider source (an IPv6 /48,
// lib/comments/comment-source.ts): likes rank comments and reports hide them, decisions one
// person must not make alone by hopping between the /64s of their connection. Nobody likes or
// reports a comment from its writer's own network. Only visible comments on stories that are
// public now can be liked or reported. Reports from `reportHideThreshold` different visitors hide
// a comment until the desk decides; once the desk has restored it, reports no longer hide it.
import { publiclyVisibleSql } from "@/lib/articles/public/visibility";
import { reportCommentSchema, REPORT_REASONS } from "@/lib/comments/comment-schemas";
import { getCommentSettings } from "@/lib/comments/comment-settings";
import type { CommentVisitor } from "@/lib/comments/comment-source";
import { db } from "@/lib/db";
import { conflict, DomainError, notFound } from "@/lib/errors";
import { runPooledSql } from "@/lib/db/sql";
import { domainEventInsertFrom } from "@/lib/events/domain-events";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/validation";

/** Not the visitor's own: written from another source and another wider network (older comments have no network). */
const notOwnSql = (visitor: CommentVisitor) => Prisma.sql`c."ipHash" <> ${visitor.source} AND c."networkHash" IS DISTINCT FROM ${visitor.widerSource}`;

/** Why nothing was inserted: the comment is not there for readers, it is the visitor's own, or they already did it. */
async function explainRefusal(commentId: number, visitor: CommentVisitor, now: Date, already: string, own: string): Promise<never> {
  const rows = await db.$queryRaw<{ ipHash: string; networkHash: string | null }[]>`
    SELECT c."ipHash", c."networkHash" FROM "Comment" c JOIN "Article" a ON a."id" = c."articleId"
    WHERE c."id" = ${commentId} AND c."status" = 'VISIBLE' AND ${publiclyVisibleSql("a", now)}`;
  const row = rows[0];
  if (!row) throw notFound("댓글을 찾을 수 없습니다.");
  if (row.ipHash === visitor.source || row.networkHash === visitor.widerSource) throw new DomainError("FORBIDDEN", own);
  throw conflict(already);
}

export async function likeComment(commentId: number, visitor: CommentVisitor, now = new Date()): Promise<{ likeCount: number }> {
  // One statement (atomic on its own, no transaction to wait for under a storm of clicks): the
  // like, the counter and the event.
  const rows = await runPooledSql<{ likeCount: number }>(Prisma.sql`
    WITH target AS (
      SELECT c."id" FROM "Comment" c JOIN "Article" a ON a."id" = c."articleId"
      WHERE c."id" = ${commentId} AND c."status" = 'VISIBLE' AND ${notOwnSql(visitor)} AND ${publiclyVisibleSql("a", now)}
    ), added AS (
      INSERT INTO "CommentLike" ("commentId", "voterHash", "createdAt") SELECT "id", ${visitor.widerSource}, ${now} FROM target
      ON CONFLICT DO NOTHING RETURNING "commentId"
    ), updated AS (
      UPDATE "Comment" SET "likeCount" = "likeCount" + 1 FROM added WHERE "Comment"."id" = added."commentId"
      RETURNING "Comment"."likeCount", "Comment"."articleId"
    ), event AS (
      ${domainEventInsertFrom({ type: "comment.liked", commentId, articleId: 0 }, "updated", { articleId: "articleId" })}
    )
    SELECT "likeCount" FROM updated`, { prepared: true });
  const row = rows[0];
  if (!row) return explainRefusal(commentId, visitor, now, "이미 공감한 댓글입니다.", "내 댓글에는 공감할 수 없습니다.");
  return { likeCount: row.likeCount };
}

export async function reportComment(commentId: number, input: unknown, visitor: CommentVisitor, now = new Date()): Promise<{ hidden: boolean }> {
  const { reason, detail } = parseInput(reportCommentSchema, input);
  const { reportHideThreshold } = await getCommentSettings();
  const reasonText = detail ? `${REPORT_REASONS[reason]}: ${detail}` : REPORT_REASONS[reason];
  // One statement, as for likes. A comment the reports themselves hid (not yet seen by the desk)
  // still takes reports: readers who loaded it before it was hidden report it at the same moment,
  // and their reports count rather than being told it does not exist. HIDDEN after the update
  // means reports hid it: the event is recorded then. (Reports racing past the threshold may each
  // say so; consumers are idempotent.)
  const rows = await runPooledSql<{ status: string }>(Prisma.sql`
    WITH target AS (
      SELECT c."id" FROM "Comment" c JOIN "Article" a ON a."id" = c."articleId"
      WHERE c."id" = ${commentId} AND ${notOwnSql(visitor)} AND ${publiclyVisibleSql("a", now)}
        AND (c."status" = 'VISIBLE' OR (c."status" = 'HIDDEN' AND c."hiddenReason" = 'reports' AND c."moderatedAt" IS NULL))
    ), added AS (
      INSERT INTO "CommentReport" ("commentId", "reporterHash", "reason", "createdAt") SELECT "id", ${visitor.widerSource}, ${reasonText}, ${now} FROM target
      ON CONFLICT DO NOTHING RETURNING "commentId"
    ), updated AS (
      UPDATE "Comment" SET
        "reportCount" = "reportCount" + 1,
        "status" = CASE WHEN "status" = 'VISIBLE' AND "moderatedAt" IS NULL AND "reportCount" + 1 >= ${reportHideThreshold} THEN 'HIDDEN'::"CommentStatus" ELSE "status" END,
        "hiddenReason" = CASE WHEN "status" = 'VISIBLE' AND "moderatedAt" IS NULL AND "reportCount" + 1 >= ${reportHideThreshold} THEN 'reports' ELSE "hiddenReason" END,
        "updatedAt" = ${now}
      FROM added WHERE "Comment"."id" = added."commentId"
      RETURNING "Comment"."articleId", "Comment"."status"::text AS "status"
    ), event AS (
      ${domainEventInsertFrom({ type: "comment.moderated", commentId, articleId: 0, action: "auto-hide", status: "HIDDEN" }, "updated", { articleId: "articleId" }, Prisma.sql`"updated"."status" = 'HIDDEN'`)}
    )
    SELECT "status" FROM updated`, { prepared: true });
  const row = rows[0];
  if (!row) return explainRefusal(commentId, visitor, now, "이미 신고한 댓글입니다.", "내 댓글은 신고할 수 없습니다.");
  return { hidden: row.status === "HIDDEN" };
}
