// Not marked server-only: a consumer of domain events (lib/events/consumers.ts), which the
// start-up scripts emit too, outside Next.js. Writes only through the transaction it is given.
// Nothing is pushed automatically: a story's notifications go only to the topics the desk chose
// when approving it (PushStoryTopic, written by the approval in this same transaction). The job
// is queued for the story's publication time, so a scheduled story pushes when it goes live;
// the job looks again then (lib/push/push-tasks.ts) and sends nothing for a story readers may
// not see.
import type { DbTransaction } from "@/lib/db/client";
import type { InTransactionConsumer } from "@/lib/events/event-types";
import { enqueueWaitingStoryPushes } from "@/lib/push/push-queue";

const pushWaiting = (tx: DbTransaction, articleId: number) => enqueueWaitingStoryPushes(tx, articleId);

export const webPush = {
  "article.published": (tx, event) => pushWaiting(tx, event.articleId),
  "article.scheduled": (tx, event) => pushWaiting(tx, event.articleId),
  // The waiting job's key keeps one per story and topic: the new time replaces the old.
  "article.rescheduled": (tx, event) => pushWaiting(tx, event.articleId),
  "article.update-approved": (tx, event) => pushWaiting(tx, event.articleId),
  // An update of a live story the desk chose to push (a 2보 to 속보, say): topics not pushed before.
  "article.corrected": (tx, event) => pushWaiting(tx, event.articleId),
  // Withdrawn before its time: the waiting job finds the story not public and sends nothing; the
  // desk's choice waits for the next approval.
  "article.unscheduled": null,
  // Back on the site: readers were told when it first went out.
  "article.republished": null,
  // A notification already shown cannot be recalled; the jobs still waiting find the story not public.
  "article.unpublished": null,
  "article.created": null,
  "article.saved": null,
  "article.restored": null,
  "article.submitted": null,
  "article.returned": null,
  "article.withdrawn": null,
  "article.rerendered": null,
  // The banner is not a push: the desk chooses the 속보 topic itself with the approval.
  "article.breaking-started": null,
  "article.breaking-ended": null,
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
  // A 임시조치 hides the story; the per-browser jobs still waiting find it not public.
  "takedown.applied": null,
  "takedown.ended": null,
  "election.changed": null,
  "portal.destination-changed": null,
  "portal.desk-action": null,
  "claim.received": null,
  "claim.changed": null,
  "claim.story-flagged": null,
  "claim.purged": null,
  "claim.settings-changed": null,
} satisfies InTransactionConsumer;
