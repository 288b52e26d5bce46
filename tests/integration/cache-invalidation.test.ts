// Cache invalidation through PostgreSQL: a change committed by any instance reaches every
// instance's cache by LISTEN/NOTIFY within a second; a lost connection catches up; a scheduled
// story's time drops what it changes with no cron process.
import { afterEach, describe, expect, it } from "vitest";
import { cacheTag } from "@/lib/cache/cache-tags";
import { approveArticle, submitArticle } from "@/lib/articles/workflow";
import { db } from "@/lib/db";
import { startInvalidationListener, type InvalidationListener } from "@/server/response-cache/invalidation-listener";
import { buildPageTemplate } from "@/server/response-cache/page-template";
import { ResponseCache } from "@/server/response-cache/response-cache";
import { createStaff } from "../support/staff-fixtures";
import { submittableDraft } from "../support/story-fixtures";

const listeners: InvalidationListener[] = [];
afterEach(async () => {
  await Promise.all(listeners.splice(0).map((listener) => listener.stop()));
});

async function instance(): Promise<{ cache: ResponseCache; listener: InvalidationListener; purged: string[][] }> {
  const cache = new ResponseCache({ maxBytes: 1024 * 1024 });
  const purged: string[][] = [];
  const listener = startInvalidationListener({ databaseUrl: process.env.DATABASE_URL ?? "", cache, reconnectDelayMs: 200, onInvalidate: (tags) => purged.push(tags) });
  listeners.push(listener);
  await listener.ready;
  return { cache, listener, purged };
}

function putPage(cache: ResponseCache, key: string, tags: string[]) {
  cache.store.set({ key, path: key, status: 200, headers: {}, template: buildPageTemplate(Buffer.from(key), null), hasNonce: false, etag: "x", tags, storedAt: Date.now(), expiresAt: Date.now() + 600_000 });
}

async function publishedStory() {
  const reporter = await createStaff("REPORTER");
  const editor = await createStaff("EDITOR");
  const draft = await submittableDraft(reporter, { headline: "캐시 무효화 기사" });
  await submitArticle(reporter, draft.id);
  const { version } = await db.article.findUniqueOrThrow({ where: { id: draft.id } });
  return { id: draft.id, editor, version };
}

describe("invalidation across instances", () => {
  it("a publication on one instance drops the pages it changes on both, within a second", async () => {
    const first = await instance();
    const second = await instance();
    const story = await publishedStory();
    for (const { cache } of [first, second]) {
      putPage(cache, "home", [cacheTag.latest, cacheTag.site]);
      putPage(cache, "other-comments", [cacheTag.comments(999_999), cacheTag.site]);
    }
    const started = Date.now();
    await approveArticle(story.editor, story.id, { version: story.version });
    for (const { cache } of [first, second]) {
      await expect.poll(() => cache.store.get("home"), { timeout: 1_000, interval: 20 }).toBeUndefined();
      expect(cache.store.get("other-comments")).toBeDefined();
    }
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(first.purged.flat()).toEqual(expect.arrayContaining([cacheTag.story(story.id), cacheTag.latest]));
  });

  it("events committed while the connection was lost are caught up after reconnecting", async () => {
    const { cache, listener } = await instance();
    const story = await publishedStory();
    putPage(cache, "home", [cacheTag.latest]);
    listener.simulateConnectionLoss();
    // Written while this instance is not listening.
    await approveArticle(story.editor, story.id, { version: story.version });
    await expect.poll(() => cache.store.get("home"), { timeout: 5_000, interval: 50 }).toBeUndefined();
  });

  it("a rolled-back change notifies nobody; the same change committed drops the page", async () => {
    const { cache } = await instance();
    putPage(cache, "home", [cacheTag.latest]);
    putPage(cache, "marker", [cacheTag.story(999_997)]);
    const publication = (outcome: "commit" | "roll back") =>
      db.$transaction(async (tx) => {
        await tx.domainEvent.create({ data: { type: "article.published", payload: { articleId: 999_996 } } });
        if (outcome === "roll back") throw new Error("roll back");
      });
    await expect(publication("roll back")).rejects.toThrow("roll back");
    // Notifications arrive in commit order: once a change committed after the rollback has been
    // heard, anything the rolled-back one had sent would have been heard before it.
    await db.domainEvent.create({ data: { type: "article.rerendered", payload: { articleId: 999_997 } } });
    await expect.poll(() => cache.store.get("marker"), { timeout: 5_000, interval: 20 }).toBeUndefined();
    expect(cache.store.get("home")).toBeDefined();
    // The control: the same change committed, in the same set-up, is heard.
    await publication("commit");
    await expect.poll(() => cache.store.get("home"), { timeout: 5_000, interval: 20 }).toBeUndefined();
  });
});

describe("scheduled publication without a cron process", () => {
  // (That no entry is served past the next scheduled publication is tested in tests/unit/response-cache.test.ts.)
  it("at the scheduled time the pages it changes are dropped", async () => {
    // The instance runs first and learns of the schedule from the approval's event: started after
    // a slow approval (CI under load), it could start past the scheduled time, when a page cached
    // from then on already shows the story and rightly stays.
    const story = await publishedStory();
    const { cache } = await instance();
    putPage(cache, "home", [cacheTag.latest]);
    expect(cache.store.get("home")).toBeDefined();
    // Five seconds ahead: under load the approval itself can take over two, and a schedule that
    // passes while it is being approved is a publication, not the scheduled drop tested here.
    const publishAt = new Date(Date.now() + 5_000);
    await approveArticle(story.editor, story.id, { version: story.version, publishAt: publishAt.toISOString() });
    await expect.poll(() => cache.store.get("home"), { timeout: 15_000, interval: 50 }).toBeUndefined();
    expect(Date.now()).toBeGreaterThanOrEqual(publishAt.getTime());
  });

  it("a schedule whose time has passed when its event is applied drops the pages at once (no timer fires for a past time)", async () => {
    // An approval for a time a moment ahead whose event is applied after that time (a slow
    // approval under load, or a listener catching up): the story is public by then.
    const { cache } = await instance();
    putPage(cache, "home", [cacheTag.latest]);
    putPage(cache, "story", [cacheTag.story(999_998)]);
    await db.domainEvent.create({
      data: { type: "article.scheduled", payload: { articleId: 999_998, sectionId: null, authorId: "x", publishAt: new Date(Date.now() - 1_000).toISOString() } },
    });
    await expect.poll(() => cache.store.get("home"), { timeout: 2_000, interval: 20 }).toBeUndefined();
    expect(cache.store.get("story")).toBeUndefined();
  });
});
