import "server-only";
// The desk blocks a story, or one comment under it, for readers (임시조치, 정보통신망법 제44조의2
// 제4항). One transaction: the target row locked (two desks blocking the same post at once get
// one block and one refusal), the block written, its event (audit entry, the poster's
// notification, the caches) and the job that records its end once, at its time.
import { assertCan } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import type { DbTransaction } from "@/lib/db/client";
import { conflict, invalid, notFound } from "@/lib/errors";
import { emitDomainEvent } from "@/lib/events/domain-events";
import { formatKstMinute } from "@/lib/format/korean-time";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { applyTakedownSchema } from "@/lib/takedowns/takedown-schemas";
import { takedownEndsAt } from "@/lib/takedowns/takedown-rules";
import { EXPIRE_TAKEDOWN_TASK, expireJobKey } from "@/lib/takedowns/expire-takedowns";
import { parseInput } from "@/lib/validation";

interface Target {
  articleId: number;
  commentId: number | null;
  /** The staff member who posted it (a story's author, a staff commenter), or null for a guest. */
  posterUserId: string | null;
}

/** The story, locked, if it is on the site (live); else why a block makes no sense. */
async function lockStory(tx: DbTransaction, articleId: number): Promise<Target> {
  const [story] = await tx.$queryRaw<{ id: number; authorId: string; status: string; liveRevisionId: string | null }[]>`
    SELECT "id", "authorId", "status", "liveRevisionId" FROM "Article" WHERE "id" = ${articleId} FOR UPDATE`;
  if (!story) throw notFound("기사를 찾을 수 없습니다.");
  if (!["PUBLISHED", "SCHEDULED"].includes(story.status) || story.liveRevisionId === null) {
    throw invalid("게재 중이거나 예약된 기사만 임시조치할 수 있습니다. 독자가 볼 수 없는 기사는 막을 것이 없습니다.");
  }
  return { articleId: story.id, commentId: null, posterUserId: story.authorId };
}

async function lockComment(tx: DbTransaction, commentId: number): Promise<Target> {
  const [comment] = await tx.$queryRaw<{ id: number; articleId: number; userId: string | null; status: string }[]>`
    SELECT "id", "articleId", "userId", "status" FROM "Comment" WHERE "id" = ${commentId} FOR UPDATE`;
  if (!comment) throw notFound("댓글을 찾을 수 없습니다.");
  if (comment.status === "DELETED") throw invalid("이미 삭제된 댓글입니다.");
  return { articleId: comment.articleId, commentId: comment.id, posterUserId: comment.userId };
}

export interface AppliedTakedown {
  id: number;
  articleId: number;
  commentId: number | null;
  endsAt: Date;
  /** Whether the poster gets a newsroom notification (staff), or has no address (a guest). */
  posterNotified: boolean;
}

export async function applyTakedown(actor: StaffUser, input: unknown, now = new Date()): Promise<AppliedTakedown> {
  assertCan(actor, "takedown.manage");
  const { articleId, commentId, reason, days, claimReference, note } = parseInput(applyTakedownSchema, input);
  const endsAt = takedownEndsAt(now, days);
  return db.$transaction(async (tx) => {
    const target = commentId !== undefined ? await lockComment(tx, commentId) : await lockStory(tx, articleId ?? 0);
    const inForce = await tx.takedown.findFirst({
      where: { articleId: target.articleId, commentId: target.commentId, status: "ACTIVE", endsAt: { gt: now } },
      select: { endsAt: true },
    });
    if (inForce) throw conflict(`이미 임시조치 중입니다 (${formatKstMinute(inForce.endsAt)}까지). 기간을 바꾸려면 먼저 복원하세요.`);
    const takedown = await tx.takedown.create({
      data: { articleId: target.articleId, commentId: target.commentId, reason, claimReference, note, startsAt: now, endsAt, createdById: actor.id, createdAt: now },
      select: { id: true },
    });
    await emitDomainEvent(tx, {
      type: "takedown.applied",
      takedownId: takedown.id,
      articleId: target.articleId,
      commentId: target.commentId,
      posterUserId: target.posterUserId,
      actorId: actor.id,
      reason,
      endsAt: endsAt.toISOString(),
      claimReference,
    });
    // Readers see the block end at `endsAt` by the time alone; this job records the end once.
    await enqueueJob(tx, EXPIRE_TAKEDOWN_TASK, { takedownId: takedown.id }, { runAt: endsAt, jobKey: expireJobKey(takedown.id), maxAttempts: 25 });
    return { id: takedown.id, articleId: target.articleId, commentId: target.commentId, endsAt, posterNotified: target.posterUserId !== null && target.posterUserId !== actor.id };
  });
}
