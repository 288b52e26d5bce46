// The shared query memo (lib/cache/shared-query-memo.ts): lists every public page repeats are
// read once, and dropped by the same domain events as cached pages, so a publication shows in the
// next render; without a running listener nothing is shared.
import { afterEach, describe, expect, it } from "vitest";
import { getLatestStories } from "@/lib/articles/public/public-lists";
import { approveArticle, submitArticle, unpublishArticle } from "@/lib/articles/workflow/transitions";
import { cacheTag } from "@/lib/cache/cache-tags";
import { sharedQueryMemo } from "@/lib/cache/shared-query-memo";
import { db } from "@/lib/db";
import { getMostRead, mostReadHasMoved } from "@/lib/views/most-read";
import { startInvalidationListener, type InvalidationListener } from "@/server/response-cache/invalidation-listener";
import { ResponseCache } from "@/server/response-cache/response-cache";
import { queriesDuring } from "../support/query-count";
import { storedPage } from "../support/stored-page";
import { createStaff } from "../support/staff-fixtures";
import { publishedStory, submittableDraft } from "../support/story-fixtures";

let listener: InvalidationListener | undefined;

/** A cached page whose render showed the most-read boxes. */
const pageShowingMostRead = (key: string) => storedPage(key, [cacheTag.mostRead, cacheTag.site]);
afterEach(async () => {
  sharedQueryMemo.disable();
  await listener?.stop();
});

async function storyAtTheDesk(headline: string) {
  const reporter = await createStaff("REPORTER");
  const editor = await createStaff("EDITOR");
  const draft = await submittableDraft(reporter, { headline });
  await submitArticle(reporter, draft.id);
  const { version } = await db.article.findUniqueOrThrow({ where: { id: draft.id } });
  return { id: draft.id, editor, version };
}

describe("shared query memo", () => {
  it("serves the latest list from memory until a publication drops it, then shows the new story", async () => {
    listener = startInvalidationListener({ databaseUrl: process.env.DATABASE_URL ?? "", cache: new ResponseCache({ maxBytes: 1024 * 1024 }), reconnectDelayMs: 200 });
    await listener.ready;
    sharedQueryMemo.enable();
    const story = await storyAtTheDesk("메모 무효화 확인 기사");

    const before = await getLatestStories({ limit: 5 });
    expect(before.map((item) => item.id)).not.toContain(story.id);
    expect(await queriesDuring(() => getLatestStories({ limit: 5 })), "a second read is served from memory").toBe(0);

    await approveArticle(story.editor, story.id, { version: story.version });
    await expect.poll(async () => (await getLatestStories({ limit: 5 })).map((item) => item.id), { timeout: 1_000, interval: 20 }).toContain(story.id);
  });

  it("the most-read boxes outlive a publication that is in neither, and drop a story they list as soon as it leaves", async () => {
    listener = startInvalidationListener({ databaseUrl: process.env.DATABASE_URL ?? "", cache: new ResponseCache({ maxBytes: 1024 * 1024 }), reconnectDelayMs: 200 });
    await listener.ready;
    sharedQueryMemo.enable();
    const reporter = await createStaff("REPORTER");
    const editor = await createStaff("EDITOR");
    // Read more today than anything other test files plant, so it is surely in the Today box.
    const read = await publishedStory(reporter, editor, "오늘 가장 많이 읽힌 메모 확인 기사");
    await db.articleView.create({ data: { articleId: read, hour: new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000), count: 10_000_000 } });
    expect((await getMostRead(5)).today.map((story) => story.id)).toContain(read);

    const unrelated = await storyAtTheDesk("순위와 무관한 새 기사");
    await approveArticle(unrelated.editor, unrelated.id, { version: unrelated.version });
    // The publication has reached this process once the latest list shows it.
    await expect.poll(async () => (await getLatestStories({ limit: 5 })).map((item) => item.id), { timeout: 5_000, interval: 20 }).toContain(unrelated.id);
    expect(await queriesDuring(() => getMostRead(5)), "ranking again after a publication in neither box").toBe(0);

    await unpublishArticle(editor, read, { reason: "메모 확인을 위한 게재 중단" });
    await expect.poll(async () => (await getMostRead(5)).today.map((story) => story.id), { timeout: 5_000, interval: 20 }).not.toContain(read);
  });

  it("the most-read boxes are shared until their rankings move; then the minute's check drops them and the cached pages showing them", async () => {
    const cache = new ResponseCache({ maxBytes: 1024 * 1024 });
    listener = startInvalidationListener({ databaseUrl: process.env.DATABASE_URL ?? "", cache, reconnectDelayMs: 200, mostReadCheckMs: 100 });
    await listener.ready;
    sharedQueryMemo.enable();
    const reporter = await createStaff("REPORTER");
    const editor = await createStaff("EDITOR");
    const thisHour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
    const first = await publishedStory(reporter, editor, "순위 변동 확인 기사 하나");
    await db.articleView.create({ data: { articleId: first, hour: thisHour, count: 20_000_000 } });
    const shown = await getMostRead();
    expect(shown.today[0]?.id).toBe(first);
    const page = cache.store.set(pageShowingMostRead("/articles/1"));
    expect(page).toBe(true);

    expect(await mostReadHasMoved({ hotIssue: true }), "nothing moved").toBe(false);
    // Several checks run while nothing moves: the rankings stay shared, the page stays.
    const checksBefore = listener.mostReadChecks();
    await expect.poll(() => listener?.mostReadChecks(), { timeout: 5_000, interval: 20 }).toBeGreaterThan(checksBefore + 3);
    expect(await queriesDuring(() => getMostRead()), "still shared").toBe(0);
    expect(cache.store.get("/articles/1")).toBeDefined();

    const overtaking = await publishedStory(reporter, editor, "순위를 뒤집는 기사");
    await db.articleView.create({ data: { articleId: overtaking, hour: thisHour, count: 30_000_000 } });
    expect(await mostReadHasMoved({ hotIssue: false }), "a story overtook the first").toBe(true);
    await expect.poll(() => cache.store.get("/articles/1"), { timeout: 5_000, interval: 20 }).toBeUndefined();
    expect((await getMostRead()).today.slice(0, 2).map((story) => story.id)).toEqual([overtaking, first]);
  });

  it("a move of Hot Issue is seen when Hot Issue is compared (every tenth check), not by Today's comparison", async () => {
    sharedQueryMemo.enable();
    const reporter = await createStaff("REPORTER");
    const editor = await createStaff("EDITOR");
    await getMostRead();
    expect(await mostReadHasMoved({ hotIssue: true })).toBe(false);
    const talked = await publishedStory(reporter, editor, "댓글이 몰린 기사");
    await db.comment.createMany({ data: Array.from({ length: 60 }, (_, i) => ({ articleId: talked, body: `의견 ${i}`, guestName: "독자", ipHash: `talk-${i}` })) });
    expect(await mostReadHasMoved({ hotIssue: false }), "Today has not moved").toBe(false);
    expect(await mostReadHasMoved({ hotIssue: true }), "Hot Issue has").toBe(true);
  });

  it("an article page's box leaves out its own story but shares the list with every other page", async () => {
    sharedQueryMemo.enable();
    const all = await getLatestStories({ limit: 4 });
    const first = all[0];
    if (!first) throw new Error("the test database should have public stories");
    const without = await getLatestStories({ limit: 3, excludeIds: [first.id] });
    expect(without.map((item) => item.id)).toEqual(all.slice(1).map((item) => item.id));
  });

  it("without a running listener every call queries", async () => {
    sharedQueryMemo.disable();
    await getLatestStories({ limit: 5 });
    expect(await queriesDuring(() => getLatestStories({ limit: 5 }))).toBeGreaterThan(0);
  });
});
