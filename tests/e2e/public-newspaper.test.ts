// The public newspaper in Chromium: a reader's journey, phones, accessibility, link previews,
// withdrawn and private stories, and screenshots of every kind of page (test-results/screenshots).
import AxeBuilder from "@axe-core/playwright";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { demoStoryPath } from "../support/app-database";
import { inChromium, launchBrowser, screenshotPath } from "../support/browser";
import { plantStoriesInTheApp } from "../support/planted-in-app";
import { expectNoPlantedStory, privateStoryIds } from "../support/planted-stories";

const baseUrl = inject("appBaseUrl");
const databaseUrl = inject("appDatabaseUrl");

const USER_AGENTS = {
  kakaotalk: "kakaotalk-scrap/1.0",
  naver: "Mozilla/5.0 (compatible; Yeti/1.1; +https://naver.me/spd)",
  facebook: "facebookexternalhit/1.1",
  chrome: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
};

/** Paths of one page of each kind, found by following the site's own links. */
interface SitePaths {
  home: string;
  article: string;
  section: string;
  tag: string;
  reporter: string;
  search: string;
  searchEmpty: string;
  notFound: string;
}

async function discoverPaths(page: Page): Promise<SitePaths> {
  // A seeded story with a section, tags and a reporter (the front page's lead may be another test's).
  const article = await demoStoryPath("고양특례시");
  await page.goto(`${baseUrl}${article}`);
  const href = async (selector: string) => new URL((await page.locator(selector).first().getAttribute("href")) ?? "/", baseUrl).pathname;
  return {
    home: "/",
    article,
    section: await href(".article__section a"),
    tag: await href(".article__tags a"),
    reporter: await href(".article__bylines a"),
    search: `/search?q=${encodeURIComponent("고양특례시가")}`,
    searchEmpty: "/search",
    notFound: "/articles/999999",
  };
}

describe("the public newspaper in Chromium", inChromium, () => {
  let browser: Browser;
  let page: Page;
  let paths: SitePaths;

  beforeAll(async () => {
    browser = await launchBrowser();
    // axe-core's Playwright runner needs a page of an explicit context.
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    paths = await discoverPaths(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("home -> story -> larger text (kept after reload) -> print hides the chrome -> reporter -> search", async () => {
    await page.goto(`${baseUrl}/`);
    const headline = (await page.locator(".top-story__headline a").textContent()) ?? "";
    await page.locator(".top-story__headline a").click();
    await page.waitForURL(/\/articles\/\d+\/[^/]+$/);
    expect(await page.locator("h1").textContent()).toBe(headline);

    const bodySize = () => page.locator(".article__body").evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    // The island hydrates after load; the button is ready once it is enabled.
    const larger = page.getByRole("button", { name: "글자 크게" });
    await larger.waitFor();
    const before = await bodySize();
    await larger.click();
    await larger.click();
    await expect.poll(bodySize).toBeGreaterThan(before);
    const enlarged = await bodySize();
    await page.reload();
    await expect.poll(bodySize).toBe(enlarged);
    // Applied before the tools island hydrates, so the text does not jump: with the page's
    // JavaScript bundles blocked, the saved size is there all the same.
    const bundles = /\/_next\/static\/.*\.js(\?|$)/;
    await page.route(bundles, (route) => route.abort());
    await page.reload();
    expect(await bodySize(), "saved size applied without the island").toBe(enlarged);
    await page.unroute(bundles);
    await page.reload();

    await page.emulateMedia({ media: "print" });
    for (const selector of [".site-nav", ".site-footer", ".with-aside__aside", "#comments", ".article-tools", ".site-header__top"]) {
      expect(await page.locator(selector).first().isVisible(), `${selector} in print`).toBe(false);
    }
    expect(await page.locator(".article__body").isVisible()).toBe(true);
    expect(await page.locator(".article__headline").isVisible()).toBe(true);
    await page.screenshot({ path: await screenshotPath("public-article-print"), fullPage: false });
    await page.emulateMedia({ media: "screen" });

    const byline = page.locator(".article__bylines a").first();
    const reporterName = ((await byline.textContent()) ?? "").split(" ")[0] ?? "";
    await byline.click();
    await page.waitForURL(/\/reporters\/\d+-[^/]+$/);
    expect(await page.locator("h1").textContent()).toContain(reporterName);
    expect(await page.locator(".story-list__headline").count()).toBeGreaterThan(0);

    await page.locator(".site-header__masthead input[name=q]").fill("고양특례시가");
    await page.locator(".site-header__masthead input[name=q]").press("Enter");
    await page.waitForURL(/\/search\?q=/);
    expect(await page.locator(".search-summary").textContent()).toMatch(/고양특례시.*검색 결과/);
    expect(await page.locator(".search-results mark").first().textContent()).toBe("고양특례시");
  });

  it("the font size stays a device setting: a fresh browser starts at the default", async () => {
    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await other.goto(`${baseUrl}${paths.article}`);
    await other.getByRole("button", { name: "글자 크게" }).waitFor();
    expect(await other.locator(".article__body").evaluate((element) => getComputedStyle(element).fontSize)).toBe("18px");
    await fresh.close();
  });

  it("the page offers a share button and shares with the canonical address (the sharing itself: reader-sharing.test.ts)", async () => {
    await page.goto(`${baseUrl}${paths.article}`);
    const canonical = await page.locator('head link[rel="canonical"]').getAttribute("href");
    expect(canonical).toBe(`${baseUrl}${paths.article}`);
    expect(await page.getByRole("button", { name: "공유", exact: true }).count()).toBe(1);
    expect(await page.locator(".share-links a").first().getAttribute("href")).toContain(encodeURIComponent(canonical ?? ""));
  });

  it("every kind of page fits a 360 px phone without sideways scrolling", async () => {
    const phone = await browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    for (const [name, path] of Object.entries(paths)) {
      await phone.goto(`${baseUrl}${path}`);
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${name} (${path}) scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
      await phone.screenshot({ path: await screenshotPath(`public-${name}-360`), fullPage: false });
    }
    await phone.close();
  });

  it("every kind of page passes axe-core without serious or critical violations", async () => {
    for (const [name, path] of Object.entries(paths)) {
      await page.goto(`${baseUrl}${path}`);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
      const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
      expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`), name).toEqual([]);
      await page.screenshot({ path: await screenshotPath(`public-${name}-desktop`), fullPage: true });
    }
  });

  it("link previews: title, canonical, OpenGraph, Twitter card and JSON-LD are in <head> for every scraper, every time", async () => {
    for (const [agent, userAgent] of Object.entries(USER_AGENTS)) {
      for (let attempt = 1; attempt <= 3; attempt++) {
        for (const path of [paths.article, paths.home]) {
          const html = await (await fetch(`${baseUrl}${path}`, { headers: { "user-agent": userAgent } })).text();
          const end = html.indexOf("</head>");
          const head = html.slice(0, end);
          const body = html.slice(end);
          const where = `${agent} #${attempt} ${path}`;
          for (const tag of ["<title>", '<link rel="canonical"', '<meta property="og:title"', '<meta property="og:image"', '<meta name="twitter:card"', '<script type="application/ld+json">']) {
            expect(head.includes(tag), `${tag} in <head> for ${where}`).toBe(true);
            expect(body.includes(tag), `${tag} in <body> for ${where}`).toBe(false);
          }
          if (path === paths.article) {
            for (const tag of ['<meta property="og:type" content="article"', '<meta property="article:published_time"', '<meta property="article:modified_time"', '<meta property="article:section"']) {
              expect(head.includes(tag), `${tag} for ${where}`).toBe(true);
            }
          }
        }
      }
    }
  });

  it("the preview image is absolute and at least 1200 px wide, and the JSON-LD parses", async () => {
    const html = await (await fetch(`${baseUrl}${paths.article}`)).text();
    const image = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(image).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/og\/articles\/\d+\.jpg\?v=/);
    expect(/<meta property="og:image:width" content="(\d+)"/.exec(html)?.[1]).toBe("1200");
    const response = await fetch(image.replaceAll("&amp;", "&"));
    expect(response.headers.get("content-type")).toBe("image/jpeg");
    const bytes = new Uint8Array(await response.arrayBuffer());
    const sharp = (await import("sharp")).default;
    expect((await sharp(bytes).metadata()).width).toBeGreaterThanOrEqual(1200);

    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? "{}");
    expect(jsonLd).toMatchObject({ "@type": "NewsArticle", headline: expect.any(String), datePublished: expect.any(String), dateModified: expect.any(String) });
    const home = await (await fetch(`${baseUrl}/`)).text();
    const website = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(home)?.[1] ?? "{}");
    expect(website).toMatchObject({ "@type": "WebSite", potentialAction: { "@type": "SearchAction" } });
  });

  it("a story without the canonical slug redirects permanently to it", async () => {
    const id = /\/articles\/(\d+)\//.exec(paths.article)?.[1];
    for (const path of [`/articles/${id}`, `/articles/${id}/wrong-slug`, `/articles/${id}/a/b`]) {
      const response = await fetch(`${baseUrl}${path}`, { redirect: "manual" });
      expect(response.status, path).toBe(308);
      expect(new URL(response.headers.get("location") ?? "", baseUrl).pathname).toBe(paths.article);
    }
    expect((await fetch(`${baseUrl}${paths.article}`, { redirect: "manual" })).status).toBe(200);
  });

  it("robots.txt points to both sitemaps and keeps crawlers out of the newsroom; feeds and sitemaps are XML", async () => {
    const robots = await (await fetch(`${baseUrl}/robots.txt`)).text();
    expect(robots).toContain(`Sitemap: ${baseUrl}/sitemap.xml`);
    expect(robots).toContain(`Sitemap: ${baseUrl}/news-sitemap.xml`);
    expect(robots).toMatch(/Disallow: \/newsroom/);
    const parser = new XMLParser();
    for (const path of ["/feed.xml", `${paths.section}/feed.xml`, "/sitemap.xml", "/news-sitemap.xml", "/sitemaps/articles-1.xml", "/sitemaps/pages.xml", "/sitemaps/reporters.xml"]) {
      const response = await fetch(`${baseUrl}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type"), path).toMatch(/xml/);
      const body = await response.text();
      expect(() => parser.parse(body), path).not.toThrow();
    }
  });

  describe("stories readers must not see", () => {
    const app = plantStoriesInTheApp(databaseUrl);

    it("a withdrawn story answers 410 Gone with a Korean notice and the site around it; the others 404", async () => {
      for (const { kind, id } of privateStoryIds(app.planted)) {
        const response = await page.goto(`${baseUrl}/articles/${id}`);
        expect(response?.status(), kind).toBe(kind === "unpublished" ? 410 : 404);
        const html = await page.content();
        expectNoPlantedStory(app.planted, html, `/articles/${id}`);
        expect(await page.locator(".site-nav").count(), "the site chrome, once").toBe(1);
        expect(await page.locator(".site-nav").isVisible()).toBe(true);
        if (kind === "unpublished") {
          expect(await page.locator("h1").textContent()).toBe("삭제된 기사입니다");
          await page.screenshot({ path: await screenshotPath("public-gone-desktop"), fullPage: true });
          const results = await new AxeBuilder({ page }).analyze();
          expect(results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => violation.id)).toEqual([]);
        }
      }
      const phone = await browser.newPage({ viewport: { width: 360, height: 740 } });
      expect((await phone.goto(`${baseUrl}/articles/${app.planted.ids.unpublished}/some-slug`))?.status()).toBe(410);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await phone.screenshot({ path: await screenshotPath("public-gone-360"), fullPage: false });
      await phone.close();
    });

    it("no page, feed or sitemap served over HTTP shows them; the published control is there", async () => {
      const control = `/articles/${app.planted.ids.published}`;
      const pages = ["/", `/sections/${app.planted.sectionSlug}`, `/tags/${app.planted.tagSlug}`, `/reporters/${app.planted.authorId}`, `/search?q=${encodeURIComponent(`고양시 ${app.planted.publishedMarker}`)}`, "/feed.xml", `/sections/${app.planted.sectionSlug}/feed.xml`, "/sitemaps/articles-1.xml", "/news-sitemap.xml", control];
      for (const path of pages) {
        const response = await fetch(`${baseUrl}${path}`);
        expect(response.status, path).toBe(200);
        const text = await response.text();
        expectNoPlantedStory(app.planted, text, path);
        if (path !== "/") expect(text, path).toContain(app.planted.publishedMarker);
      }
      for (const { kind, id } of privateStoryIds(app.planted)) {
        expect((await fetch(`${baseUrl}/og/articles/${id}.jpg`)).status, kind).toBe(404);
      }
      for (const tag of app.planted.privateTags) {
        const response = await fetch(`${baseUrl}/tags/${tag.slug}`);
        expect(response.status, tag.slug).toBe(404);
        expectNoPlantedStory(app.planted, await response.text(), `/tags/${tag.slug}`);
      }
    });
  });
});
