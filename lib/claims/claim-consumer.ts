// The rights desk as a consumer of domain events, in the change's transaction
// (lib/events/consumers.ts):
// - every step of a claim is written to its own history (RightsClaimAction), with who and when;
// - a 정정 or 반론 published on a story (article.corrected, the desk's usual approve-with-
//   correction flow) closes the story's accepted claims it answers, records the publication time
//   against their deadline and the notice that answered them, and ends their label and comment
//   closing. The workflow knows nothing of claims: this is the only link.
// No "server-only": consumers run wherever events are emitted, start-up scripts included.
import { moveClaim, movableClaimSelect } from "@/lib/claims/claim-moves";
import { ANSWERED_BY } from "@/lib/claims/claim-rules";
import type { DbTransaction } from "@/lib/db/client";
import type { ClaimStep, DomainEvent, EventOf, InTransactionConsumer } from "@/lib/events/event-types";
import type { ClaimKind } from "@/lib/generated/prisma/enums";

async function writeStep(tx: DbTransaction, step: ClaimStep): Promise<void> {
  await tx.rightsClaimAction.create({
    data: { claimId: step.claimId, action: step.action, fromStatus: step.from, toStatus: step.to, actorId: step.actorId, note: step.note, createdAt: new Date(step.at) },
  });
}

async function closeAnsweredClaims(tx: DbTransaction, event: EventOf<"article.corrected">): Promise<DomainEvent[]> {
  if (event.correctionType === "UPDATE") return [];
  const correctionType = event.correctionType;
  const kinds = (Object.keys(ANSWERED_BY) as ClaimKind[]).filter((kind) => ANSWERED_BY[kind].includes(correctionType));
  const claims = await tx.rightsClaim.findMany({ where: { articleId: event.articleId, status: "ACCEPTED", kind: { in: kinds } }, select: movableClaimSelect, orderBy: { id: "asc" } });
  if (claims.length === 0) return [];
  // The notice the workflow wrote with this revision (lib/articles/workflow/transitions.ts approveArticle).
  const correction = event.revision
    ? await tx.articleCorrection.findFirst({ where: { articleId: event.articleId, revisionId: event.revision.id }, select: { id: true } })
    : null;
  const at = new Date(event.at);
  const followUps: DomainEvent[] = [];
  for (const claim of claims) {
    followUps.push(
      ...(await moveClaim(tx, claim, {
        action: "publish",
        to: "PUBLISHED",
        actorId: event.actorId,
        note: event.note,
        now: at,
        data: { publishedAt: at, correctionId: correction?.id ?? null },
      })),
    );
  }
  return followUps;
}

export const claimDesk = {
  "article.corrected": closeAnsweredClaims,
  "claim.received": writeStep,
  "claim.changed": writeStep,
  "claim.story-flagged": (tx, event) =>
    tx.rightsClaim
      .findUniqueOrThrow({ where: { id: event.claimId }, select: { status: true } })
      .then(({ status }) =>
        tx.rightsClaimAction.create({
          data: {
            claimId: event.claimId,
            action: "flag",
            fromStatus: status,
            toStatus: status,
            actorId: event.actorId,
            note: `${event.label ? "기사에 청구 접수 표시" : "표시 없음"} · ${event.commentsClosed ? "댓글 닫음" : "댓글 열림"}`,
            createdAt: new Date(event.at),
          },
        }),
      )
      .then(() => undefined),
  // The purge empties the history's notes itself (lib/claims/purge-claims.ts).
  "claim.purged": null,
  "claim.settings-changed": null,
  // Nothing else about a story or a comment moves a claim: a story withdrawn or corrected silently
  // (수정) leaves its claims where they are, for the desk to decide.
  "article.created": null,
  "article.saved": null,
  "article.restored": null,
  "article.submitted": null,
  "article.returned": null,
  // A reporter taking back a submitted story: a claim is only ever about a published one.
  "article.withdrawn": null,
  "article.published": null,
  "article.scheduled": null,
  "article.rescheduled": null,
  "article.update-approved": null,
  "article.unscheduled": null,
  "article.unpublished": null,
  "article.republished": null,
  "article.rerendered": null,
  "media.uploaded": null,
  "media.updated": null,
  "comment.posted": null,
  "comment.moderated": null,
  "comment.deleted": null,
  "comment.liked": null,
  "comment.source-banned": null,
  "comment.ban-lifted": null,
  "comment.blocked-words-changed": null,
  "comment.settings-changed": null,
  "article.comments-closed": null,
  "staff.byline-changed": null,
  "section.changed": null,
  // 속보 changes no claim's clock.
  "article.breaking-started": null,
  "article.breaking-ended": null,
  // A 임시조치 names its claim by receipt number only (claimReference): the desk records the
  // claim's own steps on the claim.
  "takedown.applied": null,
  "takedown.ended": null,
  "election.changed": null,
  "eligibility.settings-changed": null,
  // Where a story went is the portal desk's record; a claim is about what readers saw here.
  "portal.destination-changed": null,
  "portal.desk-action": null,
} satisfies InTransactionConsumer;
