import "server-only";
// A block's end at its time, recorded once. Readers already see the post again at `endsAt` (the
// rule is a matter of time: lib/takedowns/takedown-rules.ts), and every instance's response cache
// drops the page at that moment by its own timer (server/response-cache/invalidation-listener.ts);
// what must happen exactly once is the record: the block marked EXPIRED, its audit entry and the
// poster's notification. So it is a job (lib/jobs), queued with the block for its end: the queue
// hands it to one instance (SKIP LOCKED), and the conditional update below makes a repeat a no-op.
import { z } from "zod";
import { db } from "@/lib/db";
import { emitDomainEvent } from "@/lib/events/domain-events";

export const EXPIRE_TAKEDOWN_TASK = "takedown.expire";

/** One waiting job per block (a second enqueue replaces the first). */
export const expireJobKey = (takedownId: number) => `takedown-expire:${takedownId}`;

export const expireTakedownPayload = z.object({ takedownId: z.number().int().positive() });

/** Thrown when the job runs before the block's time (a clock ahead of the database's): the queue retries it. */
class NotDueYet extends Error {
  override name = "NotDueYet";
}

/**
 * Marks the block EXPIRED if it is still ACTIVE and its time has come (by the database's clock);
 * returns whether this call did it. A block restored or deleted meanwhile is left as it is.
 */
export async function expireTakedown(takedownId: number): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const [ended] = await tx.$queryRaw<{ id: number; articleId: number; commentId: number | null; endsAt: Date }[]>`
      UPDATE "Takedown" SET "status" = 'EXPIRED', "endedAt" = "endsAt"
      WHERE "id" = ${takedownId} AND "status" = 'ACTIVE' AND "endsAt" <= now()
      RETURNING "id", "articleId", "commentId", "endsAt"`;
    if (!ended) {
      const waiting = await tx.takedown.count({ where: { id: takedownId, status: "ACTIVE" } });
      if (waiting > 0) throw new NotDueYet(`takedown ${takedownId} is not due yet`);
      return false;
    }
    const poster = await posterOf(tx, ended);
    await emitDomainEvent(tx, {
      type: "takedown.ended",
      takedownId: ended.id,
      articleId: ended.articleId,
      commentId: ended.commentId,
      posterUserId: poster,
      actorId: null,
      how: "expired",
      at: ended.endsAt.toISOString(),
      note: null,
    });
    return true;
  });
}

/** Who posted what a block covers: a story's author, a comment's staff writer, or null (a guest). */
export async function posterOf(tx: Pick<typeof db, "article" | "comment">, target: { articleId: number; commentId: number | null }): Promise<string | null> {
  if (target.commentId !== null) return (await tx.comment.findUnique({ where: { id: target.commentId }, select: { userId: true } }))?.userId ?? null;
  return (await tx.article.findUnique({ where: { id: target.articleId }, select: { authorId: true } }))?.authorId ?? null;
}
