import "server-only";
// The desk ends a block before its time: restores the post (it is back for readers at once), or
// deletes it (a story is withdrawn through the workflow's unpublication, so its address answers
// 410 like any withdrawn story; a comment is deleted). Each is one transaction with its event,
// whose consumers record it (audit log), tell the poster and drop the caches.
import { unpublishArticle } from "@/lib/articles/workflow/transitions";
import { assertCan } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import type { DbTransaction } from "@/lib/db/client";
import { conflict, notFound } from "@/lib/errors";
import { emitDomainEvent } from "@/lib/events/domain-events";
import type { TakedownStatus } from "@/lib/generated/prisma/enums";
import { posterOf } from "@/lib/takedowns/expire-takedowns";
import { deleteTakedownTargetSchema, restoreTakedownSchema } from "@/lib/takedowns/takedown-schemas";
import { parseInput } from "@/lib/validation";

interface Ending {
  takedownId: number;
  actor: StaffUser;
  to: Extract<TakedownStatus, "RESTORED" | "DELETED">;
  note: string;
  now: Date;
}

const NOT_ACTIVE = "이미 끝난 임시조치입니다. 목록을 새로 불러와 확인하세요.";

/** The block, if it can still be ended by the desk (ACTIVE, its time not come). */
async function loadActive(takedownId: number, now: Date) {
  const takedown = await db.takedown.findUnique({ where: { id: takedownId }, select: { id: true, articleId: true, commentId: true, status: true, endsAt: true } });
  if (!takedown) throw notFound("임시조치를 찾을 수 없습니다.");
  if (takedown.status !== "ACTIVE" || takedown.endsAt.getTime() <= now.getTime()) throw conflict(NOT_ACTIVE);
  return takedown;
}

/** The conditional update that ends the block, and its event, inside `tx`. */
async function recordEnd(tx: DbTransaction, ending: Ending): Promise<void> {
  const { count } = await tx.takedown.updateMany({
    where: { id: ending.takedownId, status: "ACTIVE", endsAt: { gt: ending.now } },
    data: { status: ending.to, endedAt: ending.now, endedById: ending.actor.id, endNote: ending.note || null },
  });
  if (count === 0) throw conflict(NOT_ACTIVE);
  const target = await tx.takedown.findUniqueOrThrow({ where: { id: ending.takedownId }, select: { articleId: true, commentId: true } });
  await emitDomainEvent(tx, {
    type: "takedown.ended",
    takedownId: ending.takedownId,
    articleId: target.articleId,
    commentId: target.commentId,
    posterUserId: await posterOf(tx, target),
    actorId: ending.actor.id,
    how: ending.to === "RESTORED" ? "restored" : "deleted",
    at: ending.now.toISOString(),
    note: ending.note || null,
  });
}

/** Ends a block early: the post is back for readers at once. */
export async function restoreTakedown(actor: StaffUser, input: unknown, now = new Date()): Promise<void> {
  assertCan(actor, "takedown.manage");
  const { takedownId, note } = parseInput(restoreTakedownSchema, input);
  await loadActive(takedownId, now);
  await db.$transaction((tx) => recordEnd(tx, { takedownId, actor, to: "RESTORED", note, now }));
}

/** Deletes the blocked post for good: the story withdrawn (410), or the comment deleted. Says which. */
export async function deleteTakedownTarget(actor: StaffUser, input: unknown, now = new Date()): Promise<"story" | "comment"> {
  assertCan(actor, "takedown.manage");
  const { takedownId, note } = parseInput(deleteTakedownTargetSchema, input);
  const takedown = await loadActive(takedownId, now);
  const ending: Ending = { takedownId, actor, to: "DELETED", note, now };
  if (takedown.commentId !== null) {
    const commentId = takedown.commentId;
    await db.$transaction(async (tx) => {
      await recordEnd(tx, ending);
      await tx.comment.update({ where: { id: commentId }, data: { status: "DELETED", hiddenReason: "takedown", moderatedById: actor.id, moderatedAt: now } });
    });
    return "comment";
  }
  const story = await db.article.findUniqueOrThrow({ where: { id: takedown.articleId }, select: { status: true } });
  if (story.status === "UNPUBLISHED") {
    // Withdrawn meanwhile by other means: only the block is left to close.
    await db.$transaction((tx) => recordEnd(tx, ending));
  } else {
    // The workflow's own unpublication (its checks, record and notification), with the block's
    // end in the same transaction: both happen or neither.
    await unpublishArticle(actor, takedown.articleId, { reason: `임시조치 후 삭제: ${note}` }, now, (tx) => recordEnd(tx, ending));
  }
  return "story";
}
