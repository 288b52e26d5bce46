// Which cached responses a domain event makes stale: an after-commit consumer, applied by every
// process's response cache from the stored event (its invalidation-listener.ts, through LISTEN/NOTIFY).
// Publication changes are broad on purpose: every public page shows the newest stories somewhere
// (home, lists, the "latest" box beside each article, feeds, sitemaps, search), so they all carry
// the `latest` tag.
import { cacheTag } from "@/lib/cache/cache-tags";
import { consumeStoredEvent, type StoredEvent } from "@/lib/events/after-commit";
import type { AfterCommitConsumer, DomainEventType } from "@/lib/events/event-types";

export type { StoredEvent } from "@/lib/events/after-commit";

/**
 * Readers' own actions come in storms on a busy story (hundreds of comments a second): once a
 * story's list changes more than a few times a second, it is let expire within this time rather
 * than dropped on each change (ResponseCache.invalidateChatter), so it is rendered a few times a
 * second at most. Calm stories' lists are dropped at once, and the writer sees their comment at
 * once anyway (the comment box adds it); moderation, deletion and closing always drop at once.
 */
export const READER_CHATTER_GRACE_MS = 500;

const READER_CHATTER: ReadonlySet<string> = new Set<DomainEventType>(["comment.posted", "comment.liked"]);

export function isReaderChatter(event: StoredEvent): boolean {
  return READER_CHATTER.has(event.type);
}

/** What a story appearing, changing or leaving touches: its page and every list of the newest. */
function publicationTags(event: { articleId?: number }): string[] {
  return [...(event.articleId === undefined ? [] : [cacheTag.story(event.articleId)]), cacheTag.latest, cacheTag.corrections];
}

/**
 * A story whose time is set: public already if that time has passed when the event is applied (a
 * time a few seconds ahead, a slow approval or a listener catching up), and then no timer will
 * fire for it, so it counts as published. Before its time the listener's timer drops what it changes.
 */
function publicationTagsIfDue(event: { articleId?: number; publishAt?: string | null }, now: number): string[] {
  return Date.parse(event.publishAt ?? "") <= now ? publicationTags(event) : [];
}

const breakingTags = (event: { articleId?: number }) => [cacheTag.breaking, ...(event.articleId === undefined ? [] : [cacheTag.story(event.articleId)])];

const commentTags = (event: { articleId?: number }) => (event.articleId === undefined ? [] : [cacheTag.comments(event.articleId)]);

const takedownTags = (event: { articleId?: number; commentId?: number | null }) => (event.commentId ? commentTags(event) : publicationTags(event));

const cacheInvalidation = {
  "article.published": publicationTags,
  "article.republished": publicationTags,
  "article.unpublished": publicationTags,
  "article.corrected": publicationTags,
  "article.scheduled": publicationTagsIfDue,
  "article.rescheduled": publicationTagsIfDue,
  "article.update-approved": publicationTagsIfDue,
  // Readers never saw these stories (a schedule is withdrawn only before its time).
  "article.unscheduled": null,
  "article.created": null,
  "article.saved": null,
  "article.restored": null,
  "article.submitted": null,
  "article.returned": null,
  // Every public page shows the banner (components/site/breaking-banner.tsx), the story its label.
  // Its end by time is no event: each instance's listener drops the same tag at that moment.
  "article.breaking-started": breakingTags,
  "article.breaking-ended": breakingTags,
  "article.withdrawn": null,
  // Stored HTML rebuilt by a newer body renderer: the story's own page shows it.
  "article.rerendered": (event) => (event.articleId === undefined ? [] : [cacheTag.story(event.articleId)]),
  "comment.posted": commentTags,
  "comment.moderated": commentTags,
  "comment.deleted": commentTags,
  "comment.liked": commentTags,
  "article.comments-closed": commentTags,
  // Rules for comments still to come; comments a ban hides have their own comment.moderated events.
  "comment.settings-changed": null,
  "comment.blocked-words-changed": null,
  "comment.source-banned": null,
  "comment.ban-lifted": null,
  // A byline (name, title, e-mail, photo) or a photo's caption, credit and alt text show on
  // story pages and in lists next to the newest stories.
  "staff.byline-changed": (event) => [...(event.userId ? [cacheTag.reporter(event.userId)] : []), cacheTag.latest],
  "media.updated": () => [cacheTag.latest],
  // Not on any page until a story uses it, and that story's approval says so.
  "media.uploaded": null,
  "section.changed": () => [cacheTag.site],
  // A blocked story leaves every list, feed, sitemap and search (all carry `latest`) and its page
  // shows the notice; a blocked comment changes its story's comment list only. Its end at its
  // time is dropped by the listener's timer first, at that moment (invalidation-listener.ts).
  "takedown.applied": takedownTags,
  "takedown.ended": takedownTags,
  // Changes no page: it decides only whether poll stories may go out later.
  "election.changed": null,
  // Only the newsroom's publisher page shows it, and the newsroom is never cached.
  "eligibility.settings-changed": null,
} satisfies AfterCommitConsumer<string[], number>;

export function tagsForEvent(event: StoredEvent, now = Date.now()): string[] {
  return consumeStoredEvent(cacheInvalidation, event, now) ?? [];
}
