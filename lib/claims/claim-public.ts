import "server-only";
// What the public side of the rights desk reads: the story the claim form names (only one readers
// can see now), the claimant's private status page (only with its token), the claimant's answer to
// the desk's question, and the notice a labelled story shows near its headline.
import { publiclyVisibleWhere } from "@/lib/articles/public/visibility";
import { readClock, type ClockReading } from "@/lib/claims/claim-deadlines";
import { moveClaim, movableClaimSelect } from "@/lib/claims/claim-moves";
import { supplementClaimSchema } from "@/lib/claims/claim-schemas";
import { receiptNumberOf } from "@/lib/claims/receipt-number";
import { hashStatusToken } from "@/lib/claims/receive-claim";
import { db, readerDb } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import { emitDomainEvent } from "@/lib/events/domain-events";
import type { ClaimKind, ClaimStatus, CorrectionType } from "@/lib/generated/prisma/enums";
import { parseInput } from "@/lib/validation";

export interface ClaimFormTarget {
  articleId: number;
  headline: string;
  comment: { id: number; body: string; author: string | null } | null;
}

/** The story (and comment) a claim form link names, when readers can see it now; else null (nothing is said about why). */
export async function getClaimFormTarget(articleId: number | null, commentId: number | null, now = new Date()): Promise<ClaimFormTarget | null> {
  if (commentId) {
    const comment = await readerDb.comment.findFirst({
      where: { id: commentId, status: "VISIBLE", article: publiclyVisibleWhere(now) },
      select: { id: true, body: true, guestName: true, article: { select: { id: true, liveRevision: { select: { headline: true } } } } },
    });
    if (!comment?.article.liveRevision) return null;
    return { articleId: comment.article.id, headline: comment.article.liveRevision.headline, comment: { id: comment.id, body: comment.body, author: comment.guestName } };
  }
  if (!articleId) return null;
  const article = await readerDb.article.findFirst({ where: { id: articleId, ...publiclyVisibleWhere(now) }, select: { id: true, liveRevision: { select: { headline: true } } } });
  return article?.liveRevision ? { articleId: article.id, headline: article.liveRevision.headline, comment: null } : null;
}

export interface ClaimStatusView {
  receiptNumber: string;
  kind: ClaimKind;
  status: ClaimStatus;
  receivedAt: Date;
  replyDueAt: Date;
  publishDueAt: Date | null;
  /** The reply clock as it stands (stopped at the first answer). */
  replyClock: ClockReading;
  answeredAt: Date | null;
  closedAt: Date | null;
  storyHeadline: string | null;
  storyPath: string | null;
  storyReference: string | null;
  deskMessage: string | null;
  rejectionGrounds: string[];
  mediationCaseNumber: string | null;
  mediationOutcome: string | null;
  publishedAt: Date | null;
  publishedOnTime: boolean | null;
  correction: { type: CorrectionType; note: string } | null;
  publicationNote: string | null;
  /** What the claimant sent (null once purged). */
  submitted: { disputedPassage: string | null; requestedText: string | null; reason: string | null } | null;
  attachments: number;
  purged: boolean;
  history: { action: string; toStatus: ClaimStatus; at: Date; note: string | null; byDesk: boolean }[];
  canSupplement: boolean;
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The claimant's status page: everything about their claim, only for the holder of the token. */
export async function getClaimStatus(token: string, now = new Date()): Promise<ClaimStatusView> {
  const claim = TOKEN.test(token)
    ? await db.rightsClaim.findUnique({
        where: { statusTokenHash: hashStatusToken(token) },
        include: {
          evidence: { select: { headline: true } },
          article: { select: { id: true } },
          correction: { select: { type: true, note: true } },
          actions: { orderBy: { createdAt: "asc" }, select: { action: true, toStatus: true, createdAt: true, note: true, actorId: true } },
          _count: { select: { attachments: true } },
        },
      })
    : null;
  // One answer for a wrong, old or made-up token.
  if (!claim) throw notFound("접수 내역을 찾을 수 없습니다. 받으신 주소를 그대로 여세요.");
  return {
    receiptNumber: receiptNumberOf(claim),
    kind: claim.kind,
    status: claim.status,
    receivedAt: claim.receivedAt,
    replyDueAt: claim.replyDueAt,
    publishDueAt: claim.publishDueAt,
    replyClock: readClock(claim.replyDueAt, claim.answeredAt ?? now),
    answeredAt: claim.answeredAt,
    closedAt: claim.closedAt,
    storyHeadline: claim.evidence?.headline ?? null,
    storyPath: claim.article ? `/articles/${claim.article.id}` : null,
    storyReference: claim.storyReference,
    deskMessage: claim.deskMessage,
    rejectionGrounds: claim.rejectionGrounds,
    mediationCaseNumber: claim.mediationCaseNumber,
    mediationOutcome: claim.mediationOutcome,
    publishedAt: claim.publishedAt,
    publishedOnTime: claim.publishedAt && claim.publishDueAt ? claim.publishedAt.getTime() <= claim.publishDueAt.getTime() : null,
    correction: claim.correction,
    publicationNote: claim.publicationNote,
    submitted: claim.purgedAt ? null : { disputedPassage: claim.disputedPassage, requestedText: claim.requestedText, reason: claim.reason },
    attachments: claim._count.attachments,
    purged: claim.purgedAt !== null,
    // The story-label steps are the desk's housekeeping; the claimant sees the decisions.
    history: claim.actions.filter((step) => step.action !== "flag").map((step) => ({ action: step.action, toStatus: step.toStatus, at: step.createdAt, note: step.note, byDesk: step.actorId !== null })),
    canSupplement: claim.purgedAt === null && (claim.status === "RECEIVED" || claim.status === "INFO_REQUESTED"),
  };
}

/** The claimant answers the desk's question (or adds to the claim) from the status page. */
export async function supplementClaim(input: unknown, now = new Date()): Promise<void> {
  const { token, text } = parseInput(supplementClaimSchema, input);
  const claim = await db.rightsClaim.findUnique({ where: { statusTokenHash: hashStatusToken(token) }, select: { ...movableClaimSelect, purgedAt: true } });
  if (!claim) throw notFound("접수 내역을 찾을 수 없습니다. 받으신 주소를 그대로 여세요.");
  if (claim.purgedAt || (claim.status !== "RECEIVED" && claim.status !== "INFO_REQUESTED")) throw conflict("이 청구에는 지금 내용을 보탤 수 없습니다.");
  await db.$transaction(async (tx) => {
    const events = await moveClaim(tx, claim, { action: "supplement", to: "RECEIVED", actorId: null, note: text, now });
    for (const event of events) await emitDomainEvent(tx, event);
  });
}
