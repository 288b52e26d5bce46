// Not marked server-only: a consumer of domain events (lib/events/consumers.ts), which the
// start-up scripts emit too, outside Next.js. Writes only through the transaction it is given.
// The security log's entries for changes that are domain events, written from the event in the
// change's transaction. Sign-ins, staff accounts and comment moderation are audited where they
// happen (lib/audit/record-audit.ts): see AUDITED_WHERE_EMITTED below.
import type { DbTransaction } from "@/lib/db/client";
import type { ArticleTransition, InTransactionConsumer } from "@/lib/events/event-types";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface AuditEntry {
  actorId?: string | null;
  /** What happened, e.g. "auth.login.failure", "staff.role.change", "article.approve". */
  action: string;
  targetType?: string;
  targetId?: string | number;
  ipHash?: string;
  detail?: Prisma.InputJsonValue;
}

export async function writeAuditEntry(client: DbTransaction, entry: AuditEntry): Promise<void> {
  await client.auditLog.create({
    data: {
      actorId: entry.actorId ?? null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId === undefined ? undefined : String(entry.targetId),
      ipHash: entry.ipHash,
      detail: entry.detail,
    },
  });
}

const auditArticle = (tx: DbTransaction, event: Pick<ArticleTransition, "articleId" | "actorId">, action: string, detail?: Prisma.InputJsonValue) =>
  writeAuditEntry(tx, { actorId: event.actorId, action, targetType: "Article", targetId: event.articleId, detail });

const revisionId = (event: ArticleTransition) => event.revision?.id ?? null;

/**
 * The change is audited by the function that makes it, with what the event does not carry (the
 * moderator's reason, a banned source's hash, the settings as saved, which staff fields changed).
 */
const AUDITED_WHERE_EMITTED = null;

const TAKEDOWN_END_ACTIONS = { expired: "takedown.expire", restored: "takedown.restore", deleted: "takedown.delete" } as const;

export const auditLog = {
  "article.created": (tx, event) => auditArticle(tx, { articleId: event.articleId, actorId: event.authorId }, "article.create"),
  // Autosaves (every few seconds) are not on the record; an explicit save is, like a transition.
  "article.saved": (tx, event) => (event.autosave ? Promise.resolve() : auditArticle(tx, event, "article.save")),
  "article.restored": (tx, event) => auditArticle(tx, event, "article.restore", { revisionNumber: event.revisionNumber }),
  "article.submitted": (tx, event) => auditArticle(tx, event, "article.submit"),
  "article.returned": (tx, event) => auditArticle(tx, event, "article.return", { note: event.note }),
  "article.withdrawn": (tx, event) => auditArticle(tx, event, "article.withdraw", { note: event.note }),
  "article.published": (tx, event) => auditArticle(tx, event, "article.publish", { revisionId: revisionId(event) }),
  "article.scheduled": (tx, event) => auditArticle(tx, event, "article.schedule", { revisionId: revisionId(event), publishAt: event.publishAt }),
  "article.rescheduled": (tx, event) => auditArticle(tx, event, "article.reschedule", { from: event.previousPublishAt, publishAt: event.publishAt }),
  "article.update-approved": (tx, event) =>
    auditArticle(tx, event, event.rescheduled ? "article.reschedule" : "article.approve-update", {
      revisionId: revisionId(event),
      publishAt: event.rescheduled ? event.publishAt : null,
    }),
  "article.corrected": (tx, event) =>
    auditArticle(tx, event, "article.correct", { revisionId: revisionId(event), correctionType: event.correctionType, correctionNote: event.note ?? undefined }),
  "article.unscheduled": (tx, event) => auditArticle(tx, event, "article.cancel-schedule", { publishAt: event.previousPublishAt, note: event.note ?? undefined }),
  "article.unpublished": (tx, event) => auditArticle(tx, event, "article.unpublish", { reason: event.note }),
  "article.republished": (tx, event) => auditArticle(tx, event, "article.republish", { reason: event.note }),
  "article.breaking-started": (tx, event) => auditArticle(tx, event, "article.breaking", { until: event.until }),
  "article.breaking-ended": (tx, event) => auditArticle(tx, event, "article.breaking-end"),
  // A start-up job with no one acting.
  "article.rerendered": null,
  "media.uploaded": (tx, event) =>
    writeAuditEntry(tx, { actorId: event.actorId, action: "media.upload", targetType: "Media", targetId: event.mediaId, detail: { bytes: event.bytes, variants: event.variants } }),
  "media.updated": (tx, event) =>
    writeAuditEntry(tx, { actorId: event.actorId, action: "media.update", targetType: "Media", targetId: event.mediaId, detail: { fields: event.fields } }),
  // Readers' own actions are not on the security log.
  "comment.posted": null,
  "comment.liked": null,
  "comment.deleted": null,
  "comment.moderated": AUDITED_WHERE_EMITTED,
  "comment.source-banned": AUDITED_WHERE_EMITTED,
  "comment.ban-lifted": AUDITED_WHERE_EMITTED,
  "comment.blocked-words-changed": AUDITED_WHERE_EMITTED,
  "comment.settings-changed": AUDITED_WHERE_EMITTED,
  "article.comments-closed": AUDITED_WHERE_EMITTED,
  "staff.byline-changed": AUDITED_WHERE_EMITTED,
  // Announced by tests and the seed, which change sections directly.
  "section.changed": null,
  // 임시조치: every step on the record, the end by itself included (no actor then).
  "takedown.applied": (tx, event) =>
    writeAuditEntry(tx, {
      actorId: event.actorId,
      action: "takedown.apply",
      targetType: "Takedown",
      targetId: event.takedownId,
      detail: { articleId: event.articleId, commentId: event.commentId, reason: event.reason, endsAt: event.endsAt, claimReference: event.claimReference },
    }),
  "takedown.ended": (tx, event) =>
    writeAuditEntry(tx, {
      actorId: event.actorId,
      action: TAKEDOWN_END_ACTIONS[event.how],
      targetType: "Takedown",
      targetId: event.takedownId,
      detail: { articleId: event.articleId, commentId: event.commentId, at: event.at, note: event.note },
    }),
  "election.changed": (tx, event) =>
    writeAuditEntry(tx, {
      actorId: event.actorId,
      action: event.change === "created" ? "election.create" : "election.delete",
      targetType: "Election",
      targetId: event.electionId,
      detail: { name: event.name, startsAt: event.startsAt, endsAt: event.endsAt },
    }),
  "eligibility.settings-changed": (tx, event) =>
    writeAuditEntry(tx, {
      actorId: event.actorId,
      action: "eligibility.settings",
      targetType: "SiteSetting",
      targetId: "eligibility.settings",
      detail: { ownReportingThresholdPercent: event.ownReportingThresholdPercent },
    }),
} satisfies InTransactionConsumer;
