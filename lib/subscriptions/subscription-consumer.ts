// Not marked server-only: a consumer of domain events (lib/events/consumers.ts), which the
// start-up scripts emit too, outside Next.js. Writes only through the transaction it is given.
// Readers who follow a reporter get a mail when the reporter's story goes public. The job that
// queues those mails is added in the desk's own transaction (a transactional outbox): a
// publication that rolls back queues nothing, one that commits cannot lose its mails. A story
// public only later is queued for its time; the job looks again then (lib/subscriptions/mail-tasks.ts).
import type { DbTransaction } from "@/lib/db/client";
import type { InTransactionConsumer } from "@/lib/events/event-types";
import { enqueueStoryMailing } from "@/lib/subscriptions/mail-queue";

const mailAt = (tx: DbTransaction, articleId: number, at: string | null) => (at ? enqueueStoryMailing(tx, articleId, new Date(at)) : Promise.resolve());

export const readerMail = {
  "article.published": (tx, event) => mailAt(tx, event.articleId, event.publishedAt),
  "article.scheduled": (tx, event) => mailAt(tx, event.articleId, event.publishAt),
  // The waiting job's key keeps one per story: the new time replaces the old.
  "article.rescheduled": (tx, event) => mailAt(tx, event.articleId, event.publishAt),
  "article.update-approved": (tx, event) => mailAt(tx, event.articleId, event.publishAt),
  // Withdrawn before its time: the waiting job finds the story not public and sends nothing.
  "article.unscheduled": null,
  // Followers hear of a story once: an update, a correction or a return to the site is not new.
  "article.corrected": null,
  "article.republished": null,
  "article.unpublished": null,
  "article.created": null,
  "article.saved": null,
  "article.restored": null,
  "article.submitted": null,
  "article.returned": null,
  // Back with its reporter before the desk approved it: it was never public.
  "article.withdrawn": null,
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
  "eligibility.settings-changed": null,
  // 속보 banners: the story itself was mailed to followers when it went public.
  "article.breaking-started": null,
  "article.breaking-ended": null,
  // A 임시조치 hides a story from readers; a mail already sent cannot be recalled, and the
  // per-reader jobs still waiting find the story not public and send nothing.
  "takedown.applied": null,
  "takedown.ended": null,
  "election.changed": null,
  // Where stories went and readers' claims: nothing a follower is mailed about.
  "portal.destination-changed": null,
  "portal.desk-action": null,
  "claim.received": null,
  "claim.changed": null,
  "claim.story-flagged": null,
  "claim.purged": null,
  "claim.settings-changed": null,
} satisfies InTransactionConsumer;
