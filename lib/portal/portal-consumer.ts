// Not marked server-only: a consumer of domain events (lib/events/consumers.ts), which the
// start-up scripts emit too, outside Next.js. Writes only through the transaction it is given.
// Portal transmission hangs off the desk's events, in the change's own transaction: the rows that
// say what goes where and the jobs that deliver them commit with the change or not at all (a
// transactional outbox), so a publication is never lost between the site and the portals.
import type { DbTransaction } from "@/lib/db/client";
import type { InTransactionConsumer } from "@/lib/events/event-types";
import { cancelUndeliveredDeletions, planDeletion, planLiveRevision } from "@/lib/portal/planning";
import { enqueuePlanAt } from "@/lib/portal/portal-queue";

const planNow = (tx: DbTransaction, event: { articleId: number; at: string }) => planLiveRevision(tx, event.articleId, new Date(event.at));

/** A story public only later: decided when its time comes, by whichever instance runs the job then. */
const planAtTime = (tx: DbTransaction, event: { articleId: number }, publishAt: string | null) => (publishAt ? enqueuePlanAt(tx, event.articleId, new Date(publishAt)) : Promise.resolve());

export const portalTransmission = {
  "article.published": planNow,
  // 수정, 정정 or 반론: an update under the same id, with the note for 정정 and 반론.
  "article.corrected": planNow,
  "article.scheduled": (tx, event) => planAtTime(tx, event, event.publishAt),
  // The job's key keeps one per story: a new time replaces the old one.
  "article.rescheduled": (tx, event) => planAtTime(tx, event, event.publishAt),
  "article.update-approved": (tx, event) => planAtTime(tx, event, event.publishAt),
  "article.unpublished": (tx, event) => planDeletion(tx, event.articleId, new Date(event.at)),
  "article.republished": (tx, event) => cancelUndeliveredDeletions(tx, event.articleId),
  // Withdrawn before its time: the waiting job finds the story not public and sends nothing.
  "article.unscheduled": null,
  // The working copy, which no destination ever gets.
  "article.created": null,
  "article.saved": null,
  "article.restored": null,
  "article.submitted": null,
  "article.returned": null,
  // 속보 is a label on a story already sent: what destinations hold does not change.
  "article.breaking-started": null,
  "article.breaking-ended": null,
  "eligibility.settings-changed": null,
  // A 임시조치 on a story blocks it from public access (정보통신망법 제44조의2): the copies the
  // portals hold go too, as with a withdrawal; its end puts the story back as a republication does.
  // One on a comment changes no story; a deleted story's own article.unpublished sends the deletion.
  "takedown.applied": (tx, event) => (event.commentId === null ? planDeletion(tx, event.articleId, new Date()) : Promise.resolve()),
  "takedown.ended": (tx, event) => (event.commentId === null && event.how !== "deleted" ? cancelUndeliveredDeletions(tx, event.articleId) : Promise.resolve()),
  "election.changed": null,
  // Taken back by its writer before the desk decided: never public.
  "article.withdrawn": null,
  // Stored HTML rebuilt: the revision destinations got did not change.
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
  // Its own changes: made by the functions that emit them (destinations.ts, desk-actions.ts).
  "portal.destination-changed": null,
  "portal.desk-action": null,
  // A claim moves no story by itself: the 정정 or 반론 it leads to is article.corrected, sent above.
  "claim.received": null,
  "claim.changed": null,
  "claim.story-flagged": null,
  "claim.purged": null,
  "claim.settings-changed": null,
} satisfies InTransactionConsumer;
