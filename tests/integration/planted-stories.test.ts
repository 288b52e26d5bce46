// The shared planted-stories helper, checked against today's public queries, and checked able to
// fail: a query that ignores visibility must be caught by it.
import { describe, expect, it } from "vitest";
import { getLatestPublicArticles, getPublicArticle } from "@/lib/articles/public/public-queries";
import { db } from "@/lib/db";
import { expectNoPlantedStory, plantStories, privateStoryIds } from "../support/planted-stories";

describe("planted stories", () => {
  it("none of the private ones reach the latest list or the article lookup; the control does", async () => {
    const planted = await plantStories(db);
    const latest = await getLatestPublicArticles(100);
    const text = JSON.stringify(latest);
    expectNoPlantedStory(planted, text, "the latest list");
    expect(text).toContain(planted.publishedMarker);
    for (const { kind, id } of privateStoryIds(planted)) {
      expect(await getPublicArticle(id), kind).toBeNull();
    }
    const pending = await getPublicArticle(planted.ids.pendingUpdate);
    expect(pending?.headline).toContain(`${planted.publishedMarker}live`);
    expectNoPlantedStory(planted, JSON.stringify(pending), "the live revision of a story with a pending update");
  });

  it("catches a query that ignores visibility (the helper can fail)", async () => {
    const planted = await plantStories(db);
    const everything = await db.article.findMany({ select: { headline: true } });
    expect(() => expectNoPlantedStory(planted, JSON.stringify(everything))).toThrow(/leaked/);
  });
});
