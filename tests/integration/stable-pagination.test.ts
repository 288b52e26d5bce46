// List pages by keyset cursor: a reader paging back through a section sees each story once,
// even while new stories are published between page loads.
import { beforeAll, describe, expect, it } from "vitest";
import { pageOfStories, sectionStoriesWhere } from "@/lib/articles/public/public-lists";
import { db } from "@/lib/db";
import { createStaff } from "../support/staff-fixtures";

const MINUTE = 60_000;
let sectionId: number;
let authorId: string;

async function publishedStory(headline: string, publishedAt: Date): Promise<number> {
  const article = await db.article.create({
    data: { headline, subHeadlines: [], slug: "s", bodyJson: { type: "doc", content: [] }, bodyText: headline, status: "PUBLISHED", authorId, sectionId, approvedAt: publishedAt, publishedAt },
  });
  const revision = await db.articleRevision.create({
    data: { articleId: article.id, number: 1, kind: "APPROVE", articleVersion: 1, headline, subHeadlines: [], sectionId, bodyJson: {}, bodyHtml: "", bodyText: headline, createdById: authorId },
  });
  await db.article.update({ where: { id: article.id }, data: { liveRevisionId: revision.id } });
  return article.id;
}

beforeAll(async () => {
  authorId = (await createStaff("REPORTER")).id;
  sectionId = (await db.section.create({ data: { slug: "paging", name: "페이지 시험" } })).id;
  const base = Date.now() - 100 * MINUTE;
  // Seven stories; two share a publication time (the id breaks the tie).
  for (const minutes of [0, 10, 20, 20, 30, 40, 50]) await publishedStory(`기사 ${minutes}분`, new Date(base + minutes * MINUTE));
});

describe("keyset pages", () => {
  it("page by page, every story exactly once, newest first, while new stories arrive", async () => {
    const where = sectionStoriesWhere(sectionId);
    const seen: number[] = [];
    let page = await pageOfStories(where, {}, new Date(), 3);
    seen.push(...page.stories.map((story) => story.id));
    expect(page.newer).toBeNull();
    // Published between the first and second page load: it must not shift the older pages.
    await publishedStory("새 기사", new Date());
    while (page.older) {
      page = await pageOfStories(where, { before: page.older }, new Date(), 3);
      expect(page.newer).not.toBeNull();
      seen.push(...page.stories.map((story) => story.id));
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    const times = await db.article.findMany({ where: { id: { in: seen } }, select: { id: true, publishedAt: true } });
    const order = [...times].sort((a, b) => (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0) || b.id - a.id).map((row) => row.id);
    expect(seen).toEqual(order);
  });

  it("going back to newer pages returns the same pages", async () => {
    const where = sectionStoriesWhere(sectionId);
    const first = await pageOfStories(where, {}, new Date(), 3);
    const second = await pageOfStories(where, { before: first.older ?? undefined }, new Date(), 3);
    const backToFirst = await pageOfStories(where, { after: second.newer ?? undefined }, new Date(), 3);
    expect(backToFirst.stories.map((story) => story.id)).toEqual(first.stories.map((story) => story.id));
    expect(backToFirst.newer).toBeNull();
  });

  it("a malformed cursor is the first page, not an error", async () => {
    const page = await pageOfStories(sectionStoriesWhere(sectionId), { before: "'; DROP" }, new Date(), 3);
    expect(page.stories).toHaveLength(3);
  });
});
