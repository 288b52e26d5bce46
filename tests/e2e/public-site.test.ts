import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { DEMO_STORIES } from "@/prisma/seed/demo-content";
import { demoStoryPath, query } from "../support/app-database";
import { inChromium, launchBrowser, screenshotPath } from "../support/browser";

const baseUrl = inject("appBaseUrl");

describe("public site in Chromium", inChromium, () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("home lists the published demo stories, newest first, and hides drafts and not-yet-due scheduled ones", async () => {
    const response = await page.goto(`${baseUrl}/`);
    expect(response?.status()).toBe(200);
    const shownIds = (await page.locator(".top-story__headline a, .with-aside__main .story-list__headline a").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""))).map(
      (href) => Number(/^\/articles\/(\d+)/.exec(href)?.[1]),
    );
    // Other test files publish stories on the same server (some with the same headline), so which
    // stories lead depends on which files ran first: the front page must show the newest stories
    // readers may see, as the database has them (files run one at a time: nothing moves meanwhile).
    expect(shownIds.length).toBeGreaterThanOrEqual(3);
    const newest = (
      await query<{ id: number }>(
        `SELECT id FROM "Article" WHERE status IN ('PUBLISHED', 'SCHEDULED') AND "liveRevisionId" IS NOT NULL AND "publishedAt" <= now()
         ORDER BY "publishedAt" DESC, id DESC LIMIT $1`,
        [shownIds.length],
      )
    ).map((row) => row.id);
    // The lead is the newest with a photo; the list below it keeps the order.
    const [lead, ...rest] = shownIds;
    expect([...shownIds].sort()).toEqual([...newest].sort());
    expect(rest).toEqual(newest.filter((id) => id !== lead));
    const html = await page.content();
    for (const hidden of DEMO_STORIES.filter((story) => story.status === "DRAFT" || story.status === "SCHEDULED")) {
      expect(html).not.toContain(hidden.headline);
    }
    await page.screenshot({ path: await screenshotPath("home"), fullPage: false });
  });

  it("a story opens with headline, deck, byline with 인턴기자, 기사승인 time to the second, photo credit, sign-off", async () => {
    await page.goto(`${baseUrl}${await demoStoryPath("고양특례시")}`);
    expect(await page.title()).toMatch(/^누리일보 - 고양특례시/);
    await expect.poll(() => page.locator(".article__byline").textContent()).toMatch(/최하은 인턴기자\s*기사승인 : \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    expect(await page.locator(".article__deck li").count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator(".article__figure figcaption").textContent()).toMatch(/\(.+=.+\)/);
    expect(await page.locator(".article__body p").first().textContent()).toMatch(/^\[누리일보 최하은 인턴기자\]/);
    expect(await page.locator(".article__signoff").textContent()).toContain("무단전재-재배포 금지");
    await page.screenshot({ path: await screenshotPath("article"), fullPage: true });
  });

  it("the section menu opens a section page with only that section's stories", async () => {
    await page.goto(`${baseUrl}/`);
    await page.locator(".site-nav a", { hasText: "문화" }).click();
    await page.waitForURL(`${baseUrl}/sections/culture`);
    expect(await page.textContent("h1")).toBe("문화");
    const headlines = await page.locator(".story-list__headline").allTextContents();
    const culture = DEMO_STORIES.filter((story) => story.section === "culture").map((story) => story.headline);
    expect(headlines.length).toBeGreaterThan(0);
    for (const headline of headlines) expect(culture).toContain(headline);
    expect((await fetch(`${baseUrl}/sections/no-such-section`)).status).toBe(404);
  });

  it("an unknown story is a Korean 404 (a withdrawn one is 410: public-newspaper.test.ts)", async () => {
    const response = await page.goto(`${baseUrl}/articles/999999`);
    expect(response?.status()).toBe(404);
    expect(await page.textContent("h1")).toContain("찾을 수 없습니다");
  });
});

describe("health", () => {
  it("GET /api/health says the app and the database are up", async () => {
    const response = await fetch(`${baseUrl}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", app: "up", database: "up" });
  });
});
