// Cache invalidation through PostgreSQL: a change committed by any instance reaches every
// instance's cache by LISTEN/NOTIFY within a second; a lost connection catches up; a scheduled
// story's time, or a 임시조치's end, drops what it changes with no cron process.
import { afterEach, describe, expect, it } from "vitest";
import { cacheTag } from "@/lib/cache/cache-tags";
import { approveArticle, submitArticle } from "@/lib/articles/workflow/transitions";
import { db } from "@/lib/db";
import { startInvalidationListener, type InvalidationListener } from "@/server/response-cache/invalidation-listener";
import { ResponseCache } from "@/server/response-cache/response-cache";
import { applyTakedown } from "@/lib/takedowns/apply-takedown";
import { createStaff } from "../support/staff-fixtures";
import { submittableDraft } from "../support/story-fixtures";
import { storedPage } from "../support/stored-page";

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
  cache.store.set(storedPage(key, tags));
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

describe("the end of a 임시조치 without a job (every instance's own timer)", () => {
  it("at a block's end its story's page and every list are dropped, and a blocked comment's list", async () => {
    const story = await publishedStory();
    await approveArticle(story.editor, story.id, { version: story.version });
    const { cache } = await instance();
    const comment = await db.comment.create({ data: { articleId: story.id, body: "막힐 댓글", guestName: "손님", ipHash: "cache-takedown" } });
    // Applied a day ago less a few seconds, for a day: it ends a few seconds from now. No job
    // runner runs here, so only the listener's timer can drop the pages at that moment.
    putPage(cache, "story", [cacheTag.story(story.id)]);
    putPage(cache, "comments", [cacheTag.comments(story.id)]);
    const appliedAt = new Date(Date.now() - 24 * 60 * 60_000 + 5_000);
    const storyBlock = await applyTakedown(story.editor, { articleId: story.id, reason: "DEFAMATION", days: 1 }, appliedAt);
    const commentBlock = await applyTakedown(story.editor, { commentId: comment.id, reason: "PRIVACY", days: 1 }, appliedAt);
    // The blocks' own events drop what they change; what is cached after them is the notice.
    await expect.poll(() => cache.store.get("story") === undefined && cache.store.get("comments") === undefined, { timeout: 5_000, interval: 20 }).toBe(true);
    putPage(cache, "story", [cacheTag.story(story.id)]);
    putPage(cache, "home", [cacheTag.latest]);
    putPage(cache, "comments", [cacheTag.comments(story.id)]);
    await expect.poll(() => cache.store.get("story"), { timeout: 15_000, interval: 50 }).toBeUndefined();
    expect(Date.now()).toBeGreaterThanOrEqual(storyBlock.endsAt.getTime());
    expect(cache.store.get("home")).toBeUndefined();
    await expect.poll(() => cache.store.get("comments"), { timeout: 2_000, interval: 20 }).toBeUndefined();
    expect(Date.now()).toBeGreaterThanOrEqual(commentBlock.endsAt.getTime());
    // Nothing recorded the end: the pages went by time alone.
    expect((await db.takedown.findUniqueOrThrow({ where: { id: storyBlock.id } })).status).toBe("ACTIVE");
  });
});
