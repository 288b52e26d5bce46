// Moving a claim from one state to the next, in the caller's transaction: the desk's decisions
// (lib/claims/claim-decisions.ts) and a published correction (lib/claims/claim-consumer.ts) both
// come through here. It returns the events the move makes (the claim's step, and the story's
// comments reopening when the claim held them closed) for the caller to emit: the decisions emit
// them, the consumer hands them back as follow-ups. No "server-only": it runs inside the event
// consumers, which the start-up scripts run too.
import { isClosingStatus } from "@/lib/claims/claim-rules";
import type { DbTransaction } from "@/lib/db/client";
import { conflict } from "@/lib/errors";
import type { DomainEvent } from "@/lib/events/event-types";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimKind, ClaimStatus } from "@/lib/generated/prisma/enums";

export interface MovableClaim {
  id: number;
  kind: ClaimKind;
  status: ClaimStatus;
  articleId: number | null;
  commentId: number | null;
  closedComments: boolean;
}

export const movableClaimSelect = { id: true, kind: true, status: true, articleId: true, commentId: true, closedComments: true } as const satisfies Prisma.RightsClaimSelect;

export interface ClaimMove {
  action: string;
  to: ClaimStatus;
  actorId: string | null;
  /** The words that go with the step (to the claimant, or the claimant's own). */
  note: string | null;
  now: Date;
  /** Other columns the step sets (a refusal's grounds, a case number ...). */
  data?: Prisma.RightsClaimUncheckedUpdateManyInput;
}

const STALE = "그사이 다른 사람이 이 청구를 처리했습니다. 새로고침해 지금 상태를 확인하세요.";

/**
 * Whether another open claim on the story still wants its comments closed (then they stay closed
 * when this one ends).
 */
async function otherClaimHoldsComments(tx: DbTransaction, claim: MovableClaim): Promise<boolean> {
  if (claim.articleId === null) return false;
  const others = await tx.rightsClaim.count({ where: { articleId: claim.articleId, id: { not: claim.id }, closedAt: null, closedComments: true } });
  return others > 0;
}

/**
 * Sets whether the story's comments are closed for this claim. Closing holds them only when they
 * were open or another claim holds them (comments the desk closed for its own reasons are not
 * reopened later); releasing reopens them when no other open claim holds them.
 */
export async function holdStoryComments(tx: DbTransaction, claim: MovableClaim, hold: boolean): Promise<{ held: boolean; events: DomainEvent[] }> {
  if (claim.articleId === null) return { held: false, events: [] };
  const articleId = claim.articleId;
  const setClosed = async (closed: boolean) => {
    // Not through Prisma's update: that would move the story's updatedAt (shown as its last edit).
    const changed = await tx.$executeRaw`UPDATE "Article" SET "commentsClosed" = ${closed} WHERE "id" = ${articleId} AND "commentsClosed" <> ${closed}`;
    return changed > 0 ? [{ type: "article.comments-closed", articleId, closed } as const] : [];
  };
  if (hold) {
    if (claim.closedComments) return { held: true, events: [] };
    const events = await setClosed(true);
    return { held: events.length > 0 || (await otherClaimHoldsComments(tx, claim)), events };
  }
  if (!claim.closedComments || (await otherClaimHoldsComments(tx, claim))) return { held: false, events: [] };
  return { held: false, events: await setClosed(false) };
}

/**
 * The step itself: a conditional update on (id, status) (a second desk acting on the same claim
 * gets a 409), the label and comment closing ended when the step ends the claim, and the events
 * to emit.
 */
export async function moveClaim(tx: DbTransaction, claim: MovableClaim, move: ClaimMove): Promise<DomainEvent[]> {
  const closing = isClosingStatus(move.to, claim.kind);
  const { count } = await tx.rightsClaim.updateMany({
    where: { id: claim.id, status: claim.status },
    data: {
      ...move.data,
      status: move.to,
      closedAt: closing ? move.now : null,
      ...(closing ? { labelShown: false, closedComments: false } : {}),
    },
  });
  if (count === 0) throw conflict(STALE);
  const released = closing ? (await holdStoryComments(tx, claim, false)).events : [];
  const step: DomainEvent = {
    type: "claim.changed",
    claimId: claim.id,
    articleId: claim.articleId,
    commentId: claim.commentId,
    kind: claim.kind,
    actorId: move.actorId,
    action: move.action,
    from: claim.status,
    to: move.to,
    at: move.now.toISOString(),
    note: move.note,
  };
  return [step, ...released];
}
