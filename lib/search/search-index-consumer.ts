// (No "server-only" marker: a consumer of domain events, which the start-up scripts emit too.)
// The search index follows every event that changes what readers may find, in the same
// transaction, so a story is never findable by text it no longer shows.
import type { DbTransaction } from "@/lib/db/client";
import type { InTransactionConsumer } from "@/lib/events/event-types";
import { refreshSearchDocument } from "@/lib/search/search-index";

const refresh = (tx: DbTransaction, event: { articleId: number }) => refreshSearchDocument(tx, event.articleId);

export const searchIndex = {
  "article.published": refresh,
  "article.scheduled": refresh,
  "article.rescheduled": refresh,
  "article.update-approved": refresh,
  "article.corrected": refresh,
  // The story lost its approved text: its entry goes.
  "article.unscheduled": refresh,
  "article.unpublished": refresh,
  "article.republished": refresh,
  // The working copy, which readers never see, or nothing readers search changed.
  "article.created": null,
  "article.saved": null,
  "article.restored": null,
  "article.submitted": null,
  "article.returned": null,
  // The banner is not text readers search.
  "article.breaking-started": null,
  "article.breaking-ended": null,
  "article.withdrawn": null,
  // Only the stored HTML changed; the index is built from the text.
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
  // Search asks at query time whether a story is blocked (publiclyVisibleSql): the entry stays.
  "takedown.applied": null,
  "takedown.ended": null,
  "election.changed": null,
  // No story changes.
  "eligibility.settings-changed": null,
} satisfies InTransactionConsumer;
