// Not marked server-only: it is a consumer of domain events (lib/events/consumers.ts), which the
// start-up scripts emit too, outside Next.js.
// The record of every transition (ArticleTransition): who, when, from and to which state, the
// note. Written from the transition's event, inside the transaction that makes the change, so a
// change without its record (or a record without its change) cannot exist.
import type { DbTransaction } from "@/lib/db/client";
import type { ArticleTransition, InTransactionConsumer } from "@/lib/events/event-types";
import type { CorrectionType, TransitionKind } from "@/lib/generated/prisma/enums";

async function recordTransition(
  tx: DbTransaction,
  event: ArticleTransition,
  kind: TransitionKind,
  extra: { publishAt?: string | null; correctionType?: CorrectionType } = {},
): Promise<void> {
  await tx.articleTransition.create({
    data: {
      articleId: event.articleId,
      kind,
      fromStatus: event.from,
      toStatus: event.to,
      actorId: event.actorId,
      note: event.note || null,
      publishAt: extra.publishAt ? new Date(extra.publishAt) : null,
      correctionType: extra.correctionType ?? null,
      revisionNumber: event.revision?.number ?? null,
      createdAt: new Date(event.at),
    },
  });
}

/** Every workflow event is one transition of its kind; nothing else is. */
export const transitionLog = {
  "article.submitted": (tx, event) => recordTransition(tx, event, "SUBMIT"),
  "article.returned": (tx, event) => recordTransition(tx, event, "RETURN"),
  "article.withdrawn": (tx, event) => recordTransition(tx, event, "WITHDRAW"),
  "article.published": (tx, event) => recordTransition(tx, event, "PUBLISH"),
  "article.scheduled": (tx, event) => recordTransition(tx, event, "SCHEDULE", { publishAt: event.publishAt }),
  "article.rescheduled": (tx, event) => recordTransition(tx, event, "RESCHEDULE", { publishAt: event.publishAt }),
  "article.update-approved": (tx, event) => recordTransition(tx, event, "APPROVE_UPDATE", { publishAt: event.rescheduled ? event.publishAt : null }),
  "article.corrected": (tx, event) => recordTransition(tx, event, "APPROVE_UPDATE", { correctionType: event.correctionType }),
  "article.unscheduled": (tx, event) => recordTransition(tx, event, "CANCEL_SCHEDULE"),
  "article.unpublished": (tx, event) => recordTransition(tx, event, "UNPUBLISH"),
  "article.republished": (tx, event) => recordTransition(tx, event, "REPUBLISH"),
  // Not a transition: the approval that raised the banner is (the audit log has the banner itself).
  "article.breaking-started": null,
  "article.breaking-ended": null,
  "article.created": null,
  "article.saved": null,
  "article.restored": null,
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
  "portal.destination-changed": null,
  "portal.desk-action": null,
  // A block is not a workflow transition; deleting a story after one is (article.unpublished).
  "takedown.applied": null,
  "takedown.ended": null,
  "election.changed": null,
  // A setting, not a story's transition.
  "eligibility.settings-changed": null,
  // A claim's steps are its own history (lib/claims/claim-consumer.ts), not the story's workflow.
  "claim.received": null,
  "claim.changed": null,
  "claim.story-flagged": null,
  "claim.purged": null,
  "claim.settings-changed": null,
} satisfies InTransactionConsumer;

export const TRANSITION_KIND_KO: Record<TransitionKind, string> = {
  SUBMIT: "데스크에 넘김",
  RETURN: "돌려보냄",
  WITHDRAW: "회수",
  PUBLISH: "승인·발행",
  SCHEDULE: "승인·예약 발행",
  RESCHEDULE: "예약 시각 변경",
  CANCEL_SCHEDULE: "예약 취소",
  APPROVE_UPDATE: "수정 승인",
  UNPUBLISH: "게재 중단",
  REPUBLISH: "다시 게재",
};
