// Every public surface against stories that must not be public (tests/support/planted-stories.ts):
// a draft, a story at the desk, a scheduled one, a withdrawn one and the unapproved update of a
// published one appear nowhere; the published control appears wherever it should.
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { getHomeFront, getLatestStories, pageOfStories, reporterStoriesWhere, sectionStoriesWhere, tagStoriesWhere } from "@/lib/articles/public/public-lists";
import { getArticlePageData, getPublicArticle } from "@/lib/articles/public/public-queries";
import { publicStateOf, publiclyVisibleWhere, storyTakedownInForceWhere } from "@/lib/articles/public/visibility";
import { db } from "@/lib/db";
import { buildStoryFeed } from "@/lib/feeds/story-feed";
import { buildArticleSitemap, buildNewsSitemap, buildPagesSitemap, buildReportersSitemap, buildSitemapIndex } from "@/lib/feeds/sitemaps";
import { getPublicReporter, listPublicReporters } from "@/lib/reporters/public-reporter";
import { searchStories } from "@/lib/search/search-stories";
import { articleJsonLd, articleMetadata } from "@/lib/seo/article-metadata";
import { getPublicTag } from "@/lib/tags/public-tags";
import { getMostReadAt } from "@/lib/views/most-read";
import { expectNoPlantedStory, plantStories, privateStoryIds, type PlantedStories } from "../support/planted-stories";

const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ["item", "url", "sitemap"].includes(name) });
let planted: PlantedStories;
const publicIds = () => [planted.ids.published, planted.ids.pendingUpdate];

beforeAll(async () => {
  planted = await plantStories(db);
});

describe("story pages", () => {
  it("a withdrawn story is gone (410); the others readers never saw are missing (404)", async () => {
    for (const { kind, id } of privateStoryIds(planted)) {
      const data = await getArticlePageData(id);
      expect(data.state, kind).toBe(kind === "unpublished" ? "gone" : "missing");
      expect(await getPublicArticle(id), kind).toBeNull();
    }
  });

  it("a story with an unapproved update shows its live revision", async () => {
    const data = await getArticlePageData(planted.ids.pendingUpdate);
    expect(data.state).toBe("visible");
    expect(JSON.stringify(data)).toContain(`${planted.publishedMarker}live`);
    expectNoPlantedStory(planted, JSON.stringify(data), "the article page");
  });

  it("the row predicate and the query filter agree on every planted story (one rule)", async () => {
    const now = new Date();
    for (const id of Object.values(planted.ids)) {
      const row = await db.article.findUniqueOrThrow({
        where: { id },
        select: { status: true, liveRevisionId: true, publishedAt: true, unpublishedAt: true, takedowns: { where: storyTakedownInForceWhere(now), select: { id: true } } },
      });
      const byQuery = await db.article.findFirst({ where: { id, ...publiclyVisibleWhere(now) }, select: { id: true } });
      expect(publicStateOf(row, now) === "visible", `story ${id}`).toBe(byQuery !== null);
    }
  });
});

describe("lists", () => {
  it("home, latest, section, tag and reporter pages hold the public stories only", async () => {
    const section = { id: planted.sectionId, slug: planted.sectionSlug, name: "planted" };
    const lists = {
      latest: await getLatestStories({ limit: 100 }),
      home: await getHomeFront([section]),
      section: await pageOfStories(sectionStoriesWhere(planted.sectionId), {}),
      tag: await pageOfStories(tagStoriesWhere(planted.tagId), {}),
      reporter: await pageOfStories(reporterStoriesWhere(planted.authorId), {}),
    };
    for (const [name, list] of Object.entries(lists)) {
      const text = JSON.stringify(list);
      expectNoPlantedStory(planted, text, name);
      expect(text, name).toContain(planted.publishedMarker);
    }
    expect(lists.section.stories.map((story) => story.id).sort()).toEqual(publicIds().sort());
    expect(lists.tag.stories.map((story) => story.id).sort()).toEqual(publicIds().sort());
    expect(lists.reporter.stories.map((story) => story.id).sort()).toEqual(publicIds().sort());
  });

  it("the tag and reporter exist publicly only through public stories", async () => {
    expect(await getPublicTag(planted.tagSlug)).toMatchObject({ id: planted.tagId });
    const segment = planted.reporterPath.split("/").at(-1) ?? "";
    expect(await getPublicReporter(segment)).toMatchObject({ reporter: { id: planted.authorId, path: planted.reporterPath }, isCurrentAddress: true });
    expect(await getPublicReporter(planted.authorId)).toMatchObject({ reporter: { id: planted.authorId }, isCurrentAddress: false });
    expect((await listPublicReporters()).map((reporter) => reporter.id)).toContain(planted.authorId);
    for (const tag of planted.privateTags) {
      expect(await getPublicTag(tag.slug), tag.slug).toBeNull();
      const page = await pageOfStories(tagStoriesWhere(tag.id), {});
      expect(page.stories, tag.slug).toEqual([]);
    }
  });

  it("a published story shows its live revision's tags, not a tag only its working copy has", async () => {
    const data = await getArticlePageData(planted.ids.pendingUpdate);
    if (data.state !== "visible") throw new Error("the pendingUpdate story should be visible");
    expect(data.article.tags.map((tag) => tag.slug)).toEqual([planted.tagSlug]);
  });

  it("most read and most discussed rank only stories readers may see, even when private ones have views and comments", async () => {
    const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
    await db.articleView.createMany({ data: Object.values(planted.ids).map((articleId, index) => ({ articleId, hour, count: 1000 + index })) });
    await db.comment.createMany({
      data: Object.values(planted.ids).flatMap((articleId) => [1, 2, 3].map((n) => ({ articleId, body: "의견", guestName: `독자${n}`, ipHash: `planted-source-${n}`, createdAt: new Date(Date.now() - 60_000) }))),
    });
    const mostRead = await getMostReadAt(new Date(), 20);
    for (const box of [mostRead.today, mostRead.hotIssue]) {
      expectNoPlantedStory(planted, JSON.stringify(box), "most read");
      expect(box.map((story) => story.id).sort()).toEqual(publicIds().sort());
    }
  });
});

describe("search", () => {
  it("finds no private story by its marker, and the public one by its own", async () => {
    for (const [kind, marker] of Object.entries(planted.markers)) {
      expect((await searchStories([marker], 1)).total, kind).toBe(0);
    }
    expect((await searchStories([planted.publishedMarker], 1)).hits.map((hit) => hit.id).sort()).toEqual(publicIds().sort());
  });

  it("a word every planted story shares finds only the public ones", async () => {
    const results = await searchStories(["고양시", planted.publishedMarker], 1);
    expectNoPlantedStory(planted, JSON.stringify(results), "search results");
    expect(results.hits.map((hit) => hit.id).sort()).toEqual(publicIds().sort());
  });
});

describe("feeds", () => {
  it("the site feed and the section feed parse as RSS 2.0 and hold exactly the public stories", async () => {
    for (const [name, body] of [
      ["site feed", await buildStoryFeed({})],
      ["section feed", await buildStoryFeed({ section: { id: planted.sectionId, slug: planted.sectionSlug, name: "planted" } })],
    ] as const) {
      expectNoPlantedStory(planted, body, name);
      const rss = xml.parse(body);
      expect(rss.rss["@_version"]).toBe("2.0");
      const items: { link: string; "content:encoded": string; title: string }[] = rss.rss.channel.item;
      const ids = items.map((item) => Number(/\/articles\/(\d+)\//.exec(item.link)?.[1]));
      for (const id of publicIds()) expect(ids, name).toContain(id);
      for (const { id } of privateStoryIds(planted)) expect(ids, name).not.toContain(id);
      const control = items.find((item) => item.link.includes(`/articles/${planted.ids.published}/`));
      expect(control?.["content:encoded"]).toContain(`${planted.publishedMarker} 본문입니다`);
    }
  });
});

describe("sitemaps", () => {
  it("index, story pages, pages, reporters and Google News parse and hold exactly the public stories", async () => {
    const index = xml.parse(await buildSitemapIndex());
    const children: string[] = index.sitemapindex.sitemap.map((entry: { loc: string }) => new URL(entry.loc).pathname);
    expect(children).toEqual(expect.arrayContaining(["/sitemaps/pages.xml", "/sitemaps/reporters.xml", "/sitemaps/articles-1.xml"]));

    const storyXml = (await buildArticleSitemap(1)) ?? "";
    expectNoPlantedStory(planted, storyXml, "the story sitemap");
    const storyIds = xml.parse(storyXml).urlset.url.map((url: { loc: string }) => Number(/\/articles\/(\d+)\//.exec(url.loc)?.[1]));
    expect(storyIds.sort()).toEqual(publicIds().sort());
    expect(await buildArticleSitemap(2)).toBeNull();

    const news = await buildNewsSitemap();
    expectNoPlantedStory(planted, news, "the news sitemap");
    const newsUrls = xml.parse(news).urlset.url as { loc: string; "news:news": { "news:publication": { "news:language": string; "news:name": string }; "news:publication_date": string; "news:title": string } }[];
    expect(newsUrls.map((url) => Number(/\/articles\/(\d+)\//.exec(url.loc)?.[1])).sort()).toEqual(publicIds().sort());
    for (const url of newsUrls) {
      expect(url["news:news"]["news:publication"]).toEqual({ "news:name": "누리일보", "news:language": "ko" });
      expect(url["news:news"]["news:publication_date"]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00$/);
    }

    const reporters = await buildReportersSitemap();
    expect(reporters).toContain(`${planted.reporterPath}</loc>`);
    expect(reporters).not.toContain(planted.authorId);
    expect(await buildPagesSitemap()).toContain(`/sections/${planted.sectionSlug}`);
  });

  it("the news sitemap leaves out stories older than 48 hours", async () => {
    const later = new Date(Date.now() + 49 * 3_600_000);
    const ids = (xml.parse(await buildNewsSitemap(later)).urlset.url ?? []).map((url: { loc: string }) => Number(/\/articles\/(\d+)\//.exec(url.loc)?.[1]));
    for (const id of publicIds()) expect(ids).not.toContain(id);
  });
});

describe("link previews", () => {
  it("JSON-LD NewsArticle parses with the required fields, from the live revision", async () => {
    const article = await getPublicArticle(planted.ids.pendingUpdate);
    if (!article) throw new Error("the control is not public");
    const jsonLd = JSON.parse(JSON.stringify(articleJsonLd(article)));
    expectNoPlantedStory(planted, JSON.stringify(jsonLd), "JSON-LD");
    expect(jsonLd).toMatchObject({ "@context": "https://schema.org", "@type": "NewsArticle", headline: expect.stringContaining(`${planted.publishedMarker}live`) });
    expect(jsonLd.datePublished).toMatch(/\+09:00$/);
    expect(jsonLd.dateModified).toMatch(/\+09:00$/);
    expect(jsonLd.image[0]).toMatch(/^https?:\/\/.+\/og\/articles\/\d+\.jpg/);
    expect(jsonLd.author[0]).toMatchObject({ "@type": "Person", name: expect.any(String), url: expect.stringMatching(new RegExp(`${planted.reporterPath}$`)) });
    expect(jsonLd.publisher).toMatchObject({ "@type": "NewsMediaOrganization", name: "누리일보", logo: { url: expect.stringMatching(/^https?:\/\//) } });

    const metadata = articleMetadata(article);
    expectNoPlantedStory(planted, JSON.stringify(metadata), "metadata");
    expect(metadata.alternates?.canonical).toMatch(new RegExp(`^https?://[^/]+/articles/${article.id}/`));
    expect(metadata.openGraph).toMatchObject({ type: "article", section: expect.any(String), images: [{ width: 1200, height: 630 }] });
  });
});
