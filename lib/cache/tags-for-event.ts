// Which cached responses a domain event makes stale. Publication changes are broad on purpose:
// every public page shows the newest stories somewhere (home, lists, the "latest" box beside each
// article, feeds, sitemaps, search), so they all carry the `latest` tag.
import { cacheTag } from "@/lib/cache/cache-tags";

/** An event as read back from the DomainEvent table. */
export interface StoredEvent {
  type: string;
  payload: unknown;
}

function numberField(payload: unknown, key: string): number | null {
  const value = payload && typeof payload === "object" ? Reflect.get(payload, key) : undefined;
  return typeof value === "number" ? value : null;
}

function stringField(payload: unknown, key: string): string | null {
  const value = payload && typeof payload === "object" ? Reflect.get(payload, key) : undefined;
  return typeof value === "string" ? value : null;
}

/**
 * Readers' own actions come in storms on a busy story (hundreds of comments a second): once a
 * story's list changes more than a few times a second, it is let expire within this time rather
 * than dropped on each change (ResponseCache.invalidateChatter), so it is rendered a few times a
 * second at most. Calm stories' lists are dropped at once, and the writer sees their comment at
 * once anyway (the comment box adds it); moderation, deletion and closing always drop at once.
 */
export const READER_CHATTER_GRACE_MS = 500;

export function isReaderChatter(event: StoredEvent): boolean {
  return event.type === "comment.posted" || event.type === "comment.liked";
}

/** What a story appearing, changing or leaving touches: its page and every list of the newest. */
function publicationTags(articleId: number | null): string[] {
  return [...(articleId === null ? [] : [cacheTag.story(articleId)]), cacheTag.latest, cacheTag.corrections];
}

export function tagsForEvent(event: StoredEvent, now = Date.now()): string[] {
  const articleId = numberField(event.payload, "articleId");
  switch (event.type) {
    case "article.scheduled": {
      // Scheduled for a moment that has passed by the time the event is applied (a time a few
      // seconds ahead, a slow approval or a listener catching up): the story is public already
      // and no timer will fire for it, so it counts as published.
      const publishAt = Date.parse(stringField(event.payload, "publishAt") ?? "");
      return publishAt <= now ? publicationTags(articleId) : [];
    }
    case "article.published":
    case "article.republished":
    case "article.unpublished":
    case "article.corrected":
    case "article.schedule-due":
      return publicationTags(articleId);
    case "article.rerendered":
      // Stored HTML rebuilt by a newer body renderer: the story's own page shows it.
      return articleId === null ? [] : [cacheTag.story(articleId)];
    case "comment.posted":
    case "comment.moderated":
    case "comment.deleted":
    case "comment.liked":
    case "article.comments-closed":
    case "comment.settings-changed":
      return articleId === null ? [] : [cacheTag.comments(articleId)];
    // A byline (name, title, e-mail, photo) or a photo's caption, credit and alt text show on
    // story pages and in lists next to the newest stories.
    case "staff.byline-changed": {
      const userId = stringField(event.payload, "userId");
      return [...(userId ? [cacheTag.reporter(userId)] : []), cacheTag.latest];
    }
    case "media.updated":
      return [cacheTag.latest];
    case "section.changed":
    case "site.settings-changed":
      return [cacheTag.site];
    default:
      // Drafts, submissions, saves of working copies, scheduling for later: nothing public changed.
      return [];
  }
}
