// The shared query memo (lib/cache/shared-query-memo.ts): lists every public page repeats are
// read once, and dropped by the same domain events as cached pages, so a publication shows in the
// next render; without a running listener nothing is shared.
import { afterEach, describe, expect, it } from "vitest";
import { getLatestStories } from "@/lib/articles/public/public-lists";
import { approveArticle, submitArticle } from "@/lib/articles/workflow/transitions";
import { sharedQueryMemo } from "@/lib/cache/shared-query-memo";
import { db } from "@/lib/db";
import { runInRequestContext } from "@/lib/observability/request-context";
import { startInvalidationListener, type InvalidationListener } from "@/server/response-cache/invalidation-listener";
import { ResponseCache } from "@/server/response-cache/response-cache";
import { createStaff } from "../support/staff-fixtures";
import { submittableDraft } from "../support/story-fixtures";

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

/** How many SQL statements `run` sends (counted by the instrumented pool, as for a request). */
async function queriesDuring(run: () => Promise<unknown>): Promise<number> {
  const context = { requestId: "memo-test", queryCount: 0 };
  await runInRequestContext(context, run);
  return context.queryCount;
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
