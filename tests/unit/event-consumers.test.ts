// The consumer tables of domain events (lib/events/consumers.ts): their completeness is checked
// by the compiler (`npm run typecheck` runs over this file too: each @ts-expect-error below must
// meet an error, or the typecheck fails), and stored events are read without trusting them.
import { describe, expect, it } from "vitest";
import { cacheTag } from "@/lib/cache/cache-tags";
import { tagsForEvent } from "@/lib/cache/tags-for-event";
import { domainEventInsertFrom } from "@/lib/events/domain-events";
import type { AfterCommitConsumer, InTransactionConsumer } from "@/lib/events/event-types";

describe("a consumer decides for every event type", () => {
  it("a table missing an event type does not compile, nor one with a type that does not exist", () => {
    // @ts-expect-error every event type needs an entry: a handler, or null for "nothing to do"
    const incomplete: InTransactionConsumer = { "article.created": null };
    // @ts-expect-error likewise for consumers that run after commit
    const incompleteAfter: AfterCommitConsumer<string[]> = { "article.published": () => [] };
    expect([incomplete, incompleteAfter]).toHaveLength(2);
  });

  it("a hot path's raw insert takes only events no in-transaction consumer acts on", () => {
    expect(domainEventInsertFrom({ type: "comment.liked", commentId: 1, articleId: 0 }, "updated", { articleId: "articleId" }).sql).toContain("DomainEvent");
    const published = { type: "article.published", articleId: 1, sectionId: null, authorId: "a", actorId: "b", from: "SUBMITTED", to: "PUBLISHED", at: "", revision: null, note: null, publishedAt: "" } as const;
    // @ts-expect-error the search index, the audit log, notifications and the transition log act on a publication
    expect(domainEventInsertFrom(published, "updated", { articleId: "articleId" }).sql).toContain("DomainEvent");
  });
});

describe("stored events as the cache invalidation reads them", () => {
  it("a type this build does not know drops nothing (a newer instance wrote it) and does not throw", () => {
    expect(tagsForEvent({ type: "article.schedule-due", payload: { articleId: 3 } })).toEqual([]);
    expect(tagsForEvent({ type: "toString", payload: {} })).toEqual([]);
  });

  it("a row without the fields of its type still drops what can be known", () => {
    expect(tagsForEvent({ type: "article.published", payload: null })).toEqual([cacheTag.latest, cacheTag.corrections]);
    expect(tagsForEvent({ type: "comment.posted", payload: {} })).toEqual([]);
    expect(tagsForEvent({ type: "staff.byline-changed", payload: { userId: "u1" } })).toEqual([cacheTag.reporter("u1"), cacheTag.latest]);
  });

  it("every step of the desk that changes what readers see drops the story and the lists of the newest", () => {
    const now = Date.parse("2026-12-07T00:00:00Z");
    const story = [cacheTag.story(5), cacheTag.latest, cacheTag.corrections];
    for (const type of ["article.published", "article.corrected", "article.unpublished", "article.republished"]) expect(tagsForEvent({ type, payload: { articleId: 5 } }, now)).toEqual(story);
    for (const type of ["article.scheduled", "article.rescheduled", "article.update-approved"]) {
      expect(tagsForEvent({ type, payload: { articleId: 5, publishAt: "2026-12-06T23:59:59Z" } }, now)).toEqual(story);
      expect(tagsForEvent({ type, payload: { articleId: 5, publishAt: "2026-12-07T00:00:01Z" } }, now)).toEqual([]);
    }
    for (const type of ["article.submitted", "article.returned", "article.unscheduled", "article.saved", "article.created"]) expect(tagsForEvent({ type, payload: { articleId: 5 } }, now)).toEqual([]);
  });

  it("a 임시조치 on a story drops it and every list of the newest; on a comment, only that story's comment list", () => {
    const story = [cacheTag.story(5), cacheTag.latest, cacheTag.corrections];
    for (const type of ["takedown.applied", "takedown.ended"]) {
      expect(tagsForEvent({ type, payload: { articleId: 5, commentId: null } })).toEqual(story);
      expect(tagsForEvent({ type, payload: { articleId: 5, commentId: 9 } })).toEqual([cacheTag.comments(5)]);
    }
  });
});
