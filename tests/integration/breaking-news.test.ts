// 속보: the desk raises the banner with an approval, for a period; the story grows on one address
// with an update log; every public surface carries each update as an update of the same story;
// the banner ends by time on every instance (the listener's timer) or when the desk takes it down;
// nothing of it shows for a story readers may not see (the planted stories).
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { saveArticle } from "@/lib/articles/editor/edit-article";
import { getPublicArticle } from "@/lib/articles/public/public-queries";
import { approveArticle, submitArticle, unpublishArticle } from "@/lib/articles/workflow/transitions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { getBreakingStories } from "@/lib/breaking/breaking-now";
import { endBreakingBanner } from "@/lib/breaking/end-breaking";
import { cacheTag } from "@/lib/cache/cache-tags";
import { tagsForEvent } from "@/lib/cache/tags-for-event";
import { db } from "@/lib/db";
import { buildArticleSitemap, buildNewsSitemap } from "@/lib/feeds/sitemaps";
import { buildStoryFeed } from "@/lib/feeds/story-feed";
import { toKstIso } from "@/lib/format/korean-time";
import { articleJsonLd } from "@/lib/seo/article-metadata";
import { startInvalidationListener, type InvalidationListener } from "@/server/response-cache/invalidation-listener";
import { ResponseCache } from "@/server/response-cache/response-cache";
import { XMLParser } from "fast-xml-parser";
import { expectNoPlantedStory, type PlantedStories } from "../support/planted-stories";
import { submittableDraft, versionOf } from "../support/story-fixtures";
import { deskCastWithPlantedStories } from "../support/desk-cast";
import { storedPage } from "../support/stored-page";

let reporter: StaffUser;
let editor: StaffUser;
let planted: PlantedStories;

beforeAll(async () => ({ reporter, editor, planted } = await deskCastWithPlantedStories()));

const MINUTE = 60_000;
const eventsOf = async (id: number) =>
  (await db.domainEvent.findMany({ orderBy: { id: "asc" } })).filter((event) => (event.payload as { articleId?: number }).articleId === id).map((event) => event.type);

async function submittedStory(headline: string) {
  const draft = await submittableDraft(reporter, { headline });
  await submitArticle(reporter, draft.id);
  return draft.id;
}

/** An approved update of a live story: a new headline (and body lead), approved at `at`. */
async function approveUpdate(id: number, headline: string, input: Record<string, unknown>, at: Date) {
  await saveArticle(editor, id, { version: await versionOf(id), headline }, new Date(at.getTime() - 1_000));
  await approveArticle(editor, id, { version: await versionOf(id), ...input }, at);
}

describe("raising the banner", () => {
  it("an approval marked 속보 publishes the story with a banner for 30 minutes by default and opens its update log with 속보", async () => {
    const now = new Date();
    const id = await submittedStory("[속보] 서울 도심 화재");
    await approveArticle(editor, id, { version: await versionOf(id), breaking: true }, now);
    const row = await db.article.findUniqueOrThrow({ where: { id }, select: { status: true, breakingUntil: true } });
    expect(row).toEqual({ status: "PUBLISHED", breakingUntil: new Date(now.getTime() + 30 * MINUTE) });
    expect(await db.articleUpdateLogEntry.findMany({ where: { articleId: id }, select: { note: true, createdAt: true } })).toEqual([{ note: "속보", createdAt: now }]);
    // An ordinary publication to every consumer, with the banner's event beside it.
    expect((await eventsOf(id)).slice(-3)).toEqual(["article.submitted", "article.published", "article.breaking-started"]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { targetId: String(id), action: "article.breaking" } });
    expect(audit.detail).toEqual({ until: new Date(now.getTime() + 30 * MINUTE).toISOString() });

    const banner = await getBreakingStories(now);
    expect(banner.map((story) => story.id)).toContain(id);
    expect(banner.find((story) => story.id === id)).toMatchObject({ headline: "[속보] 서울 도심 화재", path: `/articles/${id}/${encodeURIComponent("속보-서울-도심-화재")}` });
    // The period ends by time: the banner and the label go.
    const after = new Date(now.getTime() + 30 * MINUTE + 1);
    expect((await getBreakingStories(after)).map((story) => story.id)).not.toContain(id);
  });

  it("the desk sets the period; a period out of range, a scheduled approval or one not yet public is refused in Korean", async () => {
    const id = await submittedStory("지하철 2호선 운행 중단");
    await expect(approveArticle(editor, id, { version: await versionOf(id), breaking: true, breakingMinutes: 2 })).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining("5분 이상") });
    await expect(approveArticle(editor, id, { version: await versionOf(id), breaking: true, breakingMinutes: 721 })).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining("12시간까지") });
    const later = new Date(Date.now() + 3_600_000).toISOString();
    await expect(approveArticle(editor, id, { version: await versionOf(id), breaking: true, publishAt: later })).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining("예약 발행") });
    await expect(approveArticle(editor, id, { version: await versionOf(id), updateNote: "1보", publishAt: later })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(approveArticle(editor, id, { version: await versionOf(id), updateNote: "두 줄\n설명" })).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining("한 줄") });
    // Nothing of the refused attempts was stored.
    expect(await db.article.findUniqueOrThrow({ where: { id }, select: { status: true, breakingUntil: true } })).toEqual({ status: "SUBMITTED", breakingUntil: null });

    const now = new Date();
    await approveArticle(editor, id, { version: await versionOf(id), breaking: true, breakingMinutes: 90 }, now);
    expect((await db.article.findUniqueOrThrow({ where: { id } })).breakingUntil).toEqual(new Date(now.getTime() + 90 * MINUTE));

    // A scheduled story's pending update (readers have not seen it) cannot be 속보 either.
    const scheduled = await submittedStory("내일 아침 발표될 예보");
    await approveArticle(editor, scheduled, { version: await versionOf(scheduled), publishAt: later });
    await saveArticle(editor, scheduled, { version: await versionOf(scheduled), headline: "내일 아침 발표될 예보(수정)" });
    await expect(approveArticle(editor, scheduled, { version: await versionOf(scheduled), breaking: true })).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining("공개 전") });
  });

  it("only the desk takes a banner down early; a banner already down is a 409; the event drops it everywhere", async () => {
    const id = await submittedStory("강풍 특보 확대");
    await approveArticle(editor, id, { version: await versionOf(id), breaking: true });
    await expect(endBreakingBanner(reporter, id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(endBreakingBanner(editor, 999_999)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const now = new Date();
    await endBreakingBanner(editor, id, now);
    expect((await db.article.findUniqueOrThrow({ where: { id } })).breakingUntil).toEqual(now);
    expect((await getBreakingStories()).map((story) => story.id)).not.toContain(id);
    await expect(endBreakingBanner(editor, id)).rejects.toMatchObject({ code: "CONFLICT", message: "이 기사의 속보 배너는 이미 내려가 있습니다." });
    expect((await eventsOf(id)).at(-1)).toBe("article.breaking-ended");
    expect(tagsForEvent({ type: "article.breaking-ended", payload: { articleId: id } })).toEqual([cacheTag.breaking, cacheTag.story(id)]);
    expect(tagsForEvent({ type: "article.breaking-started", payload: { articleId: id } })).toEqual([cacheTag.breaking, cacheTag.story(id)]);
  });

  it("a withdrawn story's banner ends with it, and does not come back", async () => {
    const id = await submittedStory("잘못 나간 속보");
    await approveArticle(editor, id, { version: await versionOf(id), breaking: true });
    await unpublishArticle(editor, id, { reason: "사실 확인 전 송고" });
    expect((await db.article.findUniqueOrThrow({ where: { id } })).breakingUntil).toBeNull();
    expect((await getBreakingStories()).map((story) => story.id)).not.toContain(id);
  });
});

describe("a breaking story grows on one address", () => {
  const parser = new XMLParser({ ignoreAttributes: false });

  it("each approved update adds an entry (the desk's note, or the next 보), the headline changes, and every surface carries it as an update of the same story", async () => {
    const t0 = new Date(Date.now() - 40 * MINUTE);
    const id = await submittedStory("[속보] 경기 화성 공장 화재");
    await approveArticle(editor, id, { version: await versionOf(id), breaking: true }, t0);
    const first = await getPublicArticle(id);
    const address = first!.path;

    const t1 = new Date(t0.getTime() + 12 * MINUTE);
    await approveUpdate(id, "경기 화성 공장 화재로 2명 숨져", {}, t1);
    const t2 = new Date(t0.getTime() + 25 * MINUTE);
    await approveUpdate(id, "경기 화성 공장 화재 사망자 3명으로 늘어", { updateNote: "2보: 사망자 3명으로 늘어", breaking: true, breakingMinutes: 30 }, t2);
    const t3 = new Date(t0.getTime() + 38 * MINUTE);
    await approveUpdate(id, "화성 공장 화재 3명 사망…소방당국 원인 조사(종합)", { updateNote: "종합" }, t3);

    const story = (await getPublicArticle(id))!;
    // The same address all along, whatever the headline.
    expect(story.path).toBe(address);
    expect(story.headline).toBe("화성 공장 화재 3명 사망…소방당국 원인 조사(종합)");
    expect(story.updateLog).toEqual([
      { note: "종합", at: t3 },
      { note: "2보: 사망자 3명으로 늘어", at: t2 },
      { note: "1보", at: t1 },
      { note: "속보", at: t0 },
    ]);
    // The 2보 raised the banner again for its own 30 minutes.
    expect(story.breakingUntil).toEqual(new Date(t2.getTime() + 30 * MINUTE));
    // To every consumer (portal transmissions among them) each update is an ordinary approved update.
    const events = await eventsOf(id);
    expect(events.filter((type) => type === "article.corrected")).toHaveLength(3);
    expect(events.filter((type) => type === "article.published")).toHaveLength(1);
    expect(await db.articleCorrection.findMany({ where: { articleId: id }, select: { type: true } })).toEqual([{ type: "UPDATE" }, { type: "UPDATE" }, { type: "UPDATE" }]);

    // JSON-LD: the same URL, datePublished the first approval, dateModified the last update.
    const jsonLd = articleJsonLd(story);
    expect(jsonLd).toMatchObject({ url: expect.stringMatching(new RegExp(`${address.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`)), datePublished: toKstIso(t0), dateModified: toKstIso(t3), headline: story.headline });

    // RSS: one item for the story, its guid and link the same address, its title the update's; its
    // pubDate stays the first publication (RSS 2.0 has no "updated"; a new pubDate reads as a new story).
    const feed = parser.parse(await buildStoryFeed({})) as { rss: { channel: { item: { title: string; link: string; guid: string | { "#text": string }; pubDate: string }[] } } };
    const items = feed.rss.channel.item.filter((item) => item.link.endsWith(address));
    expect(items).toHaveLength(1);
    const guid = typeof items[0]!.guid === "string" ? items[0]!.guid : items[0]!.guid["#text"];
    expect(guid).toBe(items[0]!.link);
    expect(items[0]!.title).toBe(story.headline);
    expect(new Date(items[0]!.pubDate).getTime()).toBe(Math.floor(t0.getTime() / 1000) * 1000);

    // Sitemap: one entry, the same URL, lastmod the update.
    const sitemap = parser.parse((await buildArticleSitemap(Math.ceil(id / 1000)))!) as { urlset: { url: { loc: string; lastmod: string }[] | { loc: string; lastmod: string } } };
    const urls = [sitemap.urlset.url].flat().filter((url) => url.loc.includes(`/articles/${id}/`));
    expect(urls).toEqual([{ loc: expect.stringMatching(new RegExp(`${address.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`)), lastmod: toKstIso(t3) }]);

    // News sitemap: one entry, the same URL, the first publication date, the new title.
    const news = parser.parse(await buildNewsSitemap()) as { urlset: { url: { loc: string; "news:news": { "news:publication_date": string; "news:title": string } }[] | { loc: string; "news:news": { "news:publication_date": string; "news:title": string } } } };
    const newsUrls = [news.urlset.url].flat().filter((url) => url.loc.includes(`/articles/${id}/`));
    expect(newsUrls).toHaveLength(1);
    expect(newsUrls[0]!.loc.endsWith(address)).toBe(true);
    expect(newsUrls[0]!["news:news"]["news:publication_date"]).toBe(toKstIso(t0));
    expect(newsUrls[0]!["news:news"]["news:title"]).toBe(story.headline);
  });

  it("a story that was not breaking starts a log only when the desk marks it or writes a note; silent updates of an ordinary story add nothing", async () => {
    const id = await submittedStory("시의회 예산 심사 시작");
    await approveArticle(editor, id, { version: await versionOf(id) });
    await approveUpdate(id, "시의회 예산 심사 이틀째", {}, new Date());
    expect(await db.articleUpdateLogEntry.count({ where: { articleId: id } })).toBe(0);
    expect((await getPublicArticle(id))!.updateLog).toEqual([]);
    await approveUpdate(id, "시의회 예산 심사 마무리", { updateNote: "종합" }, new Date());
    expect((await getPublicArticle(id))!.updateLog.map((entry) => entry.note)).toEqual(["종합"]);
  });
});

describe("never for a story readers may not see", () => {
  it("the banner lists none of the planted private stories (each is breaking for a day), the control story only when it is breaking", async () => {
    const banner = await getBreakingStories();
    expectNoPlantedStory(planted, JSON.stringify(banner), "the breaking banner");
    const ids = banner.map((story) => story.id);
    for (const kind of ["draft", "submitted", "scheduled", "unpublished"] as const) expect(ids).not.toContain(planted.ids[kind]);
    // The control: the published story shows once it is breaking (the newest banner, so among the three shown).
    await db.article.update({ where: { id: planted.ids.published }, data: { breakingUntil: new Date(Date.now() + 700 * MINUTE) } });
    try {
      expect((await getBreakingStories()).map((story) => story.id)).toContain(planted.ids.published);
    } finally {
      await db.article.update({ where: { id: planted.ids.published }, data: { breakingUntil: null } });
    }
    // A private story's page data (and so its update log) is never there.
    for (const kind of ["draft", "submitted", "scheduled", "unpublished"] as const) expect(await getPublicArticle(planted.ids[kind])).toBeNull();
  });
});

describe("the banner's end on every instance, without an event", () => {
  const listeners: InvalidationListener[] = [];
  afterEach(async () => {
    await Promise.all(listeners.splice(0).map((listener) => listener.stop()));
  });

  function putPage(cache: ResponseCache, key: string, tags: string[]) {
    cache.store.set(storedPage(key, tags));
  }

  it("at the banner's end every instance drops the pages showing it (and only those)", async () => {
    const id = await submittedStory("곧 끝나는 속보");
    await approveArticle(editor, id, { version: await versionOf(id), breaking: true });
    // The period ends four seconds from now (as if the desk had chosen a short one). The instances
    // start afterwards, so the approval's own event (which drops the pages at once) is behind them:
    // what drops the pages below is the end of the period alone.
    const end = new Date(Date.now() + 4_000);
    await db.article.update({ where: { id }, data: { breakingUntil: end } });
    const instances = await Promise.all(
      [0, 1].map(async () => {
        const cache = new ResponseCache({ maxBytes: 1024 * 1024 });
        const listener = startInvalidationListener({ databaseUrl: process.env.DATABASE_URL ?? "", cache, reconnectDelayMs: 200 });
        listeners.push(listener);
        await listener.ready;
        // A page showing the banner; a feed has none.
        putPage(cache, "home", [cacheTag.breaking, cacheTag.latest]);
        putPage(cache, "feed", [cacheTag.feeds]);
        return cache;
      }),
    );
    for (const cache of instances) {
      await expect.poll(() => cache.store.get("home"), { timeout: 20_000, interval: 50 }).toBeUndefined();
      expect(Date.now()).toBeGreaterThanOrEqual(end.getTime());
      expect(cache.store.get("feed")).toBeDefined();
    }
  });
});
