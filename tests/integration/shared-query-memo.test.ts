// The shared query memo (lib/cache/shared-query-memo.ts): lists every public page repeats are
// read once, and dropped by the same domain events as cached pages, so a publication shows in the
// next render; without a running listener nothing is shared.
import { afterEach, describe, expect, it } from "vitest";
import { getLatestStories } from "@/lib/articles/public/public-lists";
import { approveArticle, submitArticle, unpublishArticle } from "@/lib/articles/workflow/transitions";
import { sharedQueryMemo } from "@/lib/cache/shared-query-memo";
import { db } from "@/lib/db";
import { getMostRead } from "@/lib/views/most-read";
import { startInvalidationListener, type InvalidationListener } from "@/server/response-cache/invalidation-listener";
import { ResponseCache } from "@/server/response-cache/response-cache";
import { queriesDuring } from "../support/query-count";
import { createStaff } from "../support/staff-fixtures";
import { publishedStory, submittableDraft } from "../support/story-fixtures";

let listener: InvalidationListener | undefined;
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
