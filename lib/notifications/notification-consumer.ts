// Not marked server-only: a consumer of domain events (lib/events/consumers.ts), which the
// start-up scripts emit too, outside Next.js. Writes only through the transaction it is given.
// The reporter's newsroom notifications (lib/notifications/staff-notifications.ts lists them),
// written from the desk's events in the transaction of the change they tell about. A story
// scheduled for later gets its "published" notification dated at its time (`notifyAt`), so it
// appears by itself then, with no job to run; moving or cancelling the schedule moves or removes it.
import type { DbTransaction } from "@/lib/db/client";
import type { ArticleTransition, InTransactionConsumer } from "@/lib/events/event-types";
import { formatKstDateTime, formatKstMinute } from "@/lib/format/korean-time";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { TAKEDOWN_REASON_KO } from "@/lib/takedowns/takedown-rules";

/** Tells the story's author, unless the author made the change themselves. */
async function notifyAuthor(tx: DbTransaction, event: ArticleTransition, kind: NotificationKind, notifyAt: Date, note: string | null = null): Promise<void> {
  if (event.authorId === event.actorId) return;
  await tx.staffNotification.create({ data: { userId: event.authorId, articleId: event.articleId, kind, note, notifyAt } });
}

/** Moves (or, with `to: null`, removes) a "published" notification still waiting for its time. */
async function moveUpcomingPublication(tx: DbTransaction, event: ArticleTransition, to: string | null): Promise<void> {
  const upcoming = { articleId: event.articleId, kind: "PUBLISHED" as const, notifyAt: { gt: new Date(event.at) } };
  if (to) await tx.staffNotification.updateMany({ where: upcoming, data: { notifyAt: new Date(to) } });
  else await tx.staffNotification.deleteMany({ where: upcoming });
}

/** Tells the staff member who posted what a block covers, unless they made the change themselves. */
async function notifyPoster(
  tx: DbTransaction,
  event: { posterUserId: string | null; actorId: string | null; articleId: number; commentId: number | null },
  kind: NotificationKind,
  detail: string | null,
): Promise<void> {
  if (event.posterUserId === null || event.posterUserId === event.actorId) return;
  const note = [event.commentId === null ? null : `댓글 #${event.commentId}`, detail].filter(Boolean).join(" · ") || null;
  await tx.staffNotification.create({ data: { userId: event.posterUserId, articleId: event.articleId, kind, note } });
}

export const staffNotifications = {
  "article.returned": (tx, event) => notifyAuthor(tx, event, "RETURNED", new Date(event.at), event.note),
  "article.published": (tx, event) => notifyAuthor(tx, event, "PUBLISHED", new Date(event.at)),
  "article.scheduled": async (tx, event) => {
    const publishAt = new Date(event.publishAt);
    await notifyAuthor(tx, event, "APPROVED", new Date(event.at), `${formatKstDateTime(publishAt)} 발행 예정`);
    await notifyAuthor(tx, event, "PUBLISHED", publishAt);
  },
  "article.rescheduled": (tx, event) => moveUpcomingPublication(tx, event, event.publishAt),
  "article.update-approved": (tx, event) => (event.rescheduled ? moveUpcomingPublication(tx, event, event.publishAt) : Promise.resolve()),
  "article.unscheduled": (tx, event) => moveUpcomingPublication(tx, event, null),
  "article.unpublished": (tx, event) => moveUpcomingPublication(tx, event, null),
  // The reporter's own steps, and the desk's that need no word to the reporter: the story's
  // history shows them.
  "article.submitted": null,
  "article.withdrawn": null,
  "article.corrected": null,
  // The approval that raised the banner is the news for the reporter ("published"); the banner is the desk's.
  "article.breaking-started": null,
  "article.breaking-ended": null,
  "article.republished": null,
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
  // 제44조의2 제2항: the poster is told. Staff posters (a story's author, a staff commenter) get a
  // newsroom notification; a guest commenter left no address (the notice in place is all there is).
  "takedown.applied": (tx, event) => notifyPoster(tx, event, "TAKEN_DOWN", `${TAKEDOWN_REASON_KO[event.reason]} · ${formatKstMinute(new Date(event.endsAt))}까지`),
  "takedown.ended": (tx, event) =>
    notifyPoster(tx, event, event.how === "deleted" ? "TAKEDOWN_DELETED" : "TAKEDOWN_LIFTED", event.how === "expired" ? "임시조치 기간이 끝났습니다." : event.note),
  // The desk hears of a blackout when a poll story is refused, with the rule and the window.
  "election.changed": null,
  // Shown on the publisher's page itself; nobody waits for it.
  "eligibility.settings-changed": null,
} satisfies InTransactionConsumer;
