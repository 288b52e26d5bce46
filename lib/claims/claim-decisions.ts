import "server-only";
// The desk's actions on a claim: accept, reject (with 제15조 제4항's grounds and the reason sent to
// the claimant), ask for more, send to mediation and record its outcome, withdraw at the
// claimant's request, record a publication made elsewhere, and label the story or close its
// comments while the claim is open. Each checks, in this order: the role (403), the claim (404),
// the input (400), the claim's state (409); each is one transaction whose events write the
// claim's history and the audit entry (lib/claims/claim-consumer.ts, lib/audit/audit-consumer.ts)
// and drop the story's cached page when readers see a change.
import { assertCan } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { holdStoryComments, movableClaimSelect, moveClaim, type MovableClaim } from "@/lib/claims/claim-moves";
import { deskActionTarget, DESK_ACTION_KO, type DeskAction } from "@/lib/claims/claim-rules";
import {
  acceptClaimSchema,
  flagStorySchema,
  mediateClaimSchema,
  mediationOutcomeSchema,
  recordPublicationSchema,
  rejectClaimSchema,
  requestInfoSchema,
  withdrawClaimSchema,
} from "@/lib/claims/claim-schemas";
import { db } from "@/lib/db";
import { conflict, invalid, notFound } from "@/lib/errors";
import { emitDomainEvent } from "@/lib/events/domain-events";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/validation";

type Loaded = MovableClaim & { closedAt: Date | null; answeredAt: Date | null; labelShown: boolean };

async function loadClaim(actor: StaffUser, claimId: number): Promise<Loaded> {
  assertCan(actor, "claim.decide");
  const claim = Number.isSafeInteger(claimId) && claimId > 0
    ? await db.rightsClaim.findUnique({ where: { id: claimId }, select: { ...movableClaimSelect, closedAt: true, answeredAt: true, labelShown: true } })
    : null;
  if (!claim) throw notFound("청구를 찾을 수 없습니다.");
  return claim;
}

/** What each action sets besides the state, from its validated input: the note, and the columns. */
function stepFor(action: DeskAction, input: unknown, claim: Loaded, now: Date): { note: string | null; data: Prisma.RightsClaimUncheckedUpdateManyInput } {
  // The first answer (accepted, refused, or gone to mediation) is what 제15조 제2항 asks for.
  const answered = claim.answeredAt ? {} : { answeredAt: now };
  switch (action) {
    case "accept": {
      const { message } = parseInput(acceptClaimSchema, input);
      return { note: message ?? null, data: { ...answered, deskMessage: message ?? null } };
    }
    case "reject": {
      const { grounds, message } = parseInput(rejectClaimSchema, input);
      if (claim.kind !== "TAKEDOWN" && grounds.length === 0) throw invalid("언론중재법 제15조 제4항의 거부 사유를 하나 이상 고르세요.", { fieldErrors: { grounds: "거부 사유를 고르세요." } });
      return { note: message, data: { ...answered, deskMessage: message, rejectionGrounds: grounds } };
    }
    case "request-info": {
      const { message } = parseInput(requestInfoSchema, input);
      return { note: message, data: { deskMessage: message } };
    }
    case "mediate": {
      const { caseNumber, message } = parseInput(mediateClaimSchema, input);
      return { note: message ?? null, data: { ...answered, mediationCaseNumber: caseNumber } };
    }
    case "mediation-outcome": {
      const { outcome, message } = parseInput(mediationOutcomeSchema, input);
      return { note: message ?? null, data: { mediationOutcome: outcome } };
    }
    case "withdraw": {
      const { message } = parseInput(withdrawClaimSchema, input);
      return { note: message ?? null, data: {} };
    }
    case "record-publication": {
      const { note } = parseInput(recordPublicationSchema, input);
      return { note, data: { publishedAt: now, publicationNote: note } };
    }
  }
}

/** Makes `action` on claim `claimId` with its input (the desk's form or the API). */
export async function decideClaim(actor: StaffUser, claimId: number, action: DeskAction, input: unknown, now = new Date()): Promise<void> {
  const claim = await loadClaim(actor, claimId);
  const step = stepFor(action, input ?? {}, claim, now);
  const to = deskActionTarget(claim, action);
  if (!to) throw conflict(`이 청구는 지금 「${DESK_ACTION_KO[action]}」할 수 없습니다.`, { status: claim.status });
  await db.$transaction(async (tx) => {
    const events = await moveClaim(tx, claim, { action, to, actorId: actor.id, note: step.note, now, data: step.data });
    for (const event of events) await emitDomainEvent(tx, event);
  });
}

/**
 * While the claim is open, the desk may show readers a label near the story's headline and close
 * the story's comments (with a notice); both end by themselves when the claim ends.
 */
export async function flagClaimStory(actor: StaffUser, claimId: number, input: unknown, now = new Date()): Promise<{ commentsClosed: boolean }> {
  const claim = await loadClaim(actor, claimId);
  const { label, commentsClosed } = parseInput(flagStorySchema, input);
  if (claim.articleId === null) throw conflict("기사를 특정하지 못한 청구라 기사에 표시할 수 없습니다.");
  if (claim.closedAt) throw conflict("끝난 청구입니다. 표시와 댓글 닫기는 청구가 진행 중일 때만 할 수 있습니다.");
  const articleId = claim.articleId;
  return db.$transaction(async (tx) => {
    const comments = await holdStoryComments(tx, claim, commentsClosed);
    const { count } = await tx.rightsClaim.updateMany({ where: { id: claim.id, closedAt: null }, data: { labelShown: label, closedComments: comments.held } });
    if (count === 0) throw conflict("그사이 청구가 끝났습니다. 새로고침해 지금 상태를 확인하세요.");
    for (const event of comments.events) await emitDomainEvent(tx, event);
    await emitDomainEvent(tx, { type: "claim.story-flagged", claimId: claim.id, articleId, actorId: actor.id, label, commentsClosed: comments.held, at: now.toISOString() });
    return { commentsClosed: comments.held };
  });
}
