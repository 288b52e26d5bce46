// 속보 in a real Chromium against the real app: the desk marks a story 속보 on the review screen;
// the banner shows at once on pages the response cache already held, on a 360 px phone and a
// 1280 px desktop, and goes when its period ends (no request from anyone); a breaking story's
// update log grows at its top on one address; none of it shows for a story readers may not see.
// Every banner raised here is taken down when its test ends (other files share the app).
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from "vitest";
import { formatKstMinute } from "@/lib/format/korean-time";
import { DEMO_STAFF } from "@/lib/seed/demo-newsroom";
import { query } from "../support/app-database";
import { inChromium, launchBrowser, screenshotPath } from "../support/browser";
import { newStaffPage } from "../support/editor-e2e";
import { signInOverHttp, type ApiSession } from "../support/http-session";
import { expectNoPlantedStory, privateStoryIds } from "../support/planted-stories";
import { plantStoriesInTheApp } from "../support/planted-in-app";

const baseUrl = inject("appBaseUrl");
const databaseUrl = inject("appDatabaseUrl");
const password = inject("demoPassword");

const PHONE = { width: 360, height: 780 };
const DESKTOP = { width: 1280, height: 900 };
const paragraph = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const BODY =
  "[누리일보 이준혁 기자] 7일 오후 서울 중구의 한 상가 건물에서 불이 나 소방당국이 대응 1단계를 발령하고 진화에 나섰다. 소방당국은 건물 안에 남아 있던 사람들을 대피시키고 있으며, 정확한 피해 규모와 화재 원인을 조사하고 있다고 밝혔다.";

async function json<T>(response: Response): Promise<T> {
  const body = (await response.json()) as T;
  if (!response.ok) throw new Error(`${response.status} ${JSON.stringify(body)}`);
  return body;
}

interface StoryOut {
  article: { id: number; version: number; url: string | null; breakingUntil: string | null };
}

/** A story written and submitted through the API by the desk; its id. */
async function submittedStory(desk: ApiSession, headline: string): Promise<number> {
  const sections = await json<{ sections: { id: number }[] }>(await desk.request("GET", "/api/v1/sections"));
  const created = await json<StoryOut>(await desk.request("POST", "/api/v1/articles", { headline, sectionId: sections.sections[0]!.id, origin: "OWN_REPORTING", body: paragraph(BODY) }));
  await json(await desk.request("POST", `/api/v1/articles/${created.article.id}/submit`));
  return created.article.id;
}

const storyOf = async (desk: ApiSession, id: number) => (await json<StoryOut>(await desk.request("GET", `/api/v1/articles/${id}`))).article;

/** Approves the reviewed version through the API with `input` (breaking, updateNote ...). */
async function approve(desk: ApiSession, id: number, input: Record<string, unknown> = {}) {
  return json<StoryOut>(await desk.request("POST", `/api/v1/articles/${id}/approve`, { version: (await storyOf(desk, id)).version, ...input }));
}

/** The banner's headlines in a page's HTML. */
const bannerHeadlines = (html: string) => [...html.matchAll(/class="breaking-banner__headline">([^<]*)</g)].map((match) => match[1]);

/** A plain reader's request (no cookies): answered by the response cache. */
async function readerHtml(path: string): Promise<{ html: string; cache: string | null }> {
  const response = await fetch(`${baseUrl}${path}`);
  return { html: await response.text(), cache: response.headers.get("x-cache") };
}

describe("속보 in Chromium", inChromium, () => {
  const app = plantStoriesInTheApp(databaseUrl);
  let browser: Browser;
  let desk: ApiSession;
  const contexts: BrowserContext[] = [];
  const readerPage = async (viewport: { width: number; height: number }): Promise<Page> => {
    const context = await browser.newContext({ viewport, locale: "ko-KR", timezoneId: "Asia/Seoul", ...(viewport.width < 600 ? { isMobile: true, hasTouch: true } : {}) });
    context.setDefaultTimeout(20_000);
    contexts.push(context);
    return context.newPage();
  };
  /** Takes the banner down when the test ends, whatever happened (other files share the app). */
  const endBannerAfterTest = (id: number) =>
    onTestFinished(async () => {
      await desk.request("DELETE", `/api/v1/articles/${id}/breaking`);
    });

  beforeAll(async () => {
    browser = await launchBrowser();
    desk = await signInOverHttp(baseUrl, DEMO_STAFF.editor.email, password);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  it("the desk marks a story 속보 on the review screen; the banner shows at once on pages already cached, at 360 and 1280 px, and leads to the story with its label", async () => {
    const headline = `[속보] 서울 중구 상가 화재 ${Date.now().toString(36)}`;
    const id = await submittedStory(desk, headline);
    endBannerAfterTest(id);
    // Pages readers already have from the cache, without the banner.
    for (const path of ["/", "/search?q=화재"]) {
      await readerHtml(path);
      const warm = await readerHtml(path);
      expect(warm.cache).toBe("HIT");
      expect(bannerHeadlines(warm.html)).not.toContain(headline);
    }

    // The review screen on a phone: the 속보 fields fit.
    const phoneDesk = await newStaffPage(browser, DEMO_STAFF.editor.email, contexts, PHONE);
    await phoneDesk.goto(`${baseUrl}/newsroom/articles/${id}`);
    const fields = phoneDesk.locator('[data-action="approve"] [data-testid="breaking-fields"]');
    expect(await fields.locator('[data-testid="breaking-minutes"]').inputValue()).toBe("30");
    expect(await fields.evaluate((element) => element.getBoundingClientRect().right)).toBeLessThanOrEqual(PHONE.width);
    await phoneDesk.locator('[data-action="approve"] [data-testid="breaking-toggle"]').check();
    await fields.scrollIntoViewIfNeeded();
    await phoneDesk.screenshot({ path: await screenshotPath("desk-review-breaking-360"), fullPage: false });

    // The desk approves on the desktop review screen with 속보 ticked (the default 30 minutes).
    const deskPage = await newStaffPage(browser, DEMO_STAFF.editor.email, contexts, DESKTOP);
    await deskPage.goto(`${baseUrl}/newsroom/articles/${id}`);
    await deskPage.locator('[data-action="approve"] [data-testid="breaking-toggle"]').check();
    await deskPage.screenshot({ path: await screenshotPath("desk-review-breaking-1280"), fullPage: false });
    await deskPage.locator('[data-action="approve"] button', { hasText: /^승인$/ }).click();
    await expect.poll(async () => (await storyOf(desk, id)).url).not.toBeNull();
    const story = await storyOf(desk, id);
    expect(new Date(story.breakingUntil!).getTime()).toBeGreaterThan(Date.now() + 29 * 60_000);
    // The review screen now shows the banner and how to take it down.
    await expect.poll(() => deskPage.locator('[data-testid="breaking-badge"]').textContent()).toContain("속보 배너");
    expect(await deskPage.locator('[data-action="endBreaking"] button').textContent()).toBe("속보 배너 내리기");

    // At once on the cached pages (no one asked for them meanwhile), then from the cache again.
    for (const path of ["/", "/search?q=화재"]) {
      await expect.poll(async () => bannerHeadlines((await readerHtml(path)).html), { timeout: 5_000, interval: 100 }).toContain(headline);
      const again = await readerHtml(path);
      expect(again.cache).toBe("HIT");
      expect(bannerHeadlines(again.html)).toContain(headline);
      expectNoPlantedStory(app.planted, again.html, path);
    }

    // What readers see, on a phone and a desktop.
    const storyPath = new URL(story.url!).pathname;
    for (const [name, viewport] of [["360", PHONE], ["1280", DESKTOP]] as const) {
      const page = await readerPage(viewport);
      await page.goto(`${baseUrl}/`);
      const banner = page.locator('[data-testid="breaking-banner"]');
      const link = banner.locator("a", { hasText: headline });
      expect(await link.getAttribute("href")).toBe(storyPath);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await page.screenshot({ path: await screenshotPath(`breaking-banner-${name}`), fullPage: false });
      await link.click();
      await page.waitForURL(`${baseUrl}${storyPath}`);
      expect(await page.locator('[data-testid="breaking-label"]').textContent()).toBe("속보");
      expect(await page.locator("#article-headline").textContent()).toBe(`속보${headline}`);
    }
  });

  it("the banner goes by itself when its period ends (a short one), from pages the cache holds", async () => {
    const headline = `[속보] 짧은 속보 ${Date.now().toString(36)}`;
    const id = await submittedStory(desk, headline);
    endBannerAfterTest(id);
    await approve(desk, id, { breaking: true });
    // A period of a few seconds, stored as the approval stores it, with the event the approval
    // writes (the desk's form starts at 5 minutes, too long to wait for here).
    const end = new Date(Date.now() + 6_000);
    await query(`UPDATE "Article" SET "breakingUntil" = ($2::timestamptz AT TIME ZONE 'UTC') WHERE id = $1`, [id, end.toISOString()]);
    await query(`INSERT INTO "DomainEvent" (type, payload) VALUES ('article.breaking-started', $1)`, [JSON.stringify({ articleId: id, until: end.toISOString() })]);
    // Cached with the banner until the end (a render that began before the event is answered, not kept: hence the poll) ...
    await expect
      .poll(async () => {
        const { html, cache } = await readerHtml("/");
        return cache === "HIT" && bannerHeadlines(html).includes(headline);
      }, { timeout: 5_000, interval: 100 })
      .toBe(true);
    // ... and gone once it has passed, on the page as the cache serves it, with nobody asking.
    await expect.poll(async () => bannerHeadlines((await readerHtml("/")).html), { timeout: 30_000, interval: 200 }).not.toContain(headline);
    expect(Date.now()).toBeGreaterThanOrEqual(end.getTime());
    const story = await readerHtml(new URL((await storyOf(desk, id)).url!).pathname);
    expect(story.html).not.toContain('data-testid="breaking-label"');
  });

  it("a breaking story's update log grows at its top on one address: the time to the minute and the desk's note, newest first (360 and 1280 px)", async () => {
    const stamp = Date.now().toString(36);
    const id = await submittedStory(desk, `[속보] 경기 화성 공장 화재 ${stamp}`);
    endBannerAfterTest(id);
    const first = await approve(desk, id, { breaking: true });
    const address = new URL(first.article.url!).pathname;

    // The 2보, approved on the review screen with the desk's note.
    await json(await desk.request("PATCH", `/api/v1/articles/${id}`, { version: (await storyOf(desk, id)).version, headline: `경기 화성 공장 화재 사망자 3명으로 늘어 ${stamp}` }));
    const deskPage = await newStaffPage(browser, DEMO_STAFF.editor.email, contexts, DESKTOP);
    await deskPage.goto(`${baseUrl}/newsroom/articles/${id}`);
    const note = deskPage.locator('[data-action="approveUpdate"] [data-testid="update-note"]');
    // The next 보 is suggested; the desk writes what changed.
    expect(await note.inputValue()).toBe("1보");
    await note.fill("2보: 사망자 3명으로 늘어");
    await deskPage.locator('[data-action="approveUpdate"] button', { hasText: "수정 승인" }).click();
    await expect.poll(async () => (await query<{ n: number }>(`SELECT count(*)::int AS n FROM "ArticleUpdateLogEntry" WHERE "articleId" = $1`, [id]))[0]?.n).toBe(2);

    // The 종합, through the API.
    const finalHeadline = `화성 공장 화재 3명 사망…원인 조사(종합) ${stamp}`;
    await json(await desk.request("PATCH", `/api/v1/articles/${id}`, { version: (await storyOf(desk, id)).version, headline: finalHeadline }));
    const last = await approve(desk, id, { updateNote: "종합" });
    expect(new URL(last.article.url!).pathname).toBe(address);

    // Columns hold UTC without a zone (Prisma's convention): read as milliseconds, whatever TZ this process has.
    const entries = await query<{ note: string; at: number }>(
      `SELECT note, (extract(epoch FROM "createdAt") * 1000)::float8 AS at FROM "ArticleUpdateLogEntry" WHERE "articleId" = $1 ORDER BY "createdAt" DESC, id DESC`,
      [id],
    );
    expect(entries.map((entry) => entry.note)).toEqual(["종합", "2보: 사망자 3명으로 늘어", "속보"]);
    for (const [name, viewport] of [["360", PHONE], ["1280", DESKTOP]] as const) {
      const page = await readerPage(viewport);
      const response = await page.goto(`${baseUrl}${address}`);
      // The same address all along: no redirect to a new one.
      expect(new URL(response!.url()).pathname).toBe(address);
      expect(await page.locator("#article-headline").textContent()).toContain(finalHeadline);
      const log = page.locator('[data-testid="update-log"]');
      await expect.poll(() => log.locator(".update-log__note").allTextContents()).toEqual(["종합", "2보: 사망자 3명으로 늘어", "속보"]);
      expect(await log.locator(".update-log__time").allTextContents()).toEqual(entries.map((entry) => formatKstMinute(new Date(entry.at))));
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await page.locator(".article__header").screenshot({ path: await screenshotPath(`update-log-header-${name}`) });
      await page.screenshot({ path: await screenshotPath(`update-log-${name}`), fullPage: false });
    }
  });

  it("none of it shows for a story readers may not see: the planted private stories are breaking, with update logs, and appear nowhere", async () => {
    const { planted } = app;
    for (const path of ["/", `/sections/${planted.sectionSlug}`, `/articles/${planted.ids.published}`, "/search?q=고양시"]) {
      const response = await fetch(`${baseUrl}${path}`);
      const html = await response.text();
      expect(response.status, path).toBe(200);
      expectNoPlantedStory(planted, html, path);
      expect(html, path).not.toContain('data-testid="update-log"');
    }
    for (const { kind, id } of privateStoryIds(planted)) {
      const response = await fetch(`${baseUrl}/articles/${id}`);
      expect([404, 410], kind).toContain(response.status);
      const html = await response.text();
      expectNoPlantedStory(planted, html, `/articles/${id}`);
      expect(html).not.toContain('data-testid="update-log"');
    }
  });
});
