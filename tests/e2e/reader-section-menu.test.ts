// The section menu shows where the reader is: on a section's page its link is the current page
// (aria-current="page"), on a story its section's link is the menu's current item
// (aria-current="true"), on the front page 홈; elsewhere nothing. Marked visibly too, and in the
// HTML the server sends (no script needed).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { demoStoryPath } from "../support/app-database";
import { browserTestsEnabled, launchBrowser, screenshotPath } from "../support/browser";

const baseUrl = inject("appBaseUrl");

/** Each menu link's text and aria-current, and how the marked and an unmarked link look. */
async function menuState(page: Page) {
  return page.locator(".site-nav a").evaluateAll((links) =>
    links.map((link) => ({ name: link.textContent, current: link.getAttribute("aria-current"), color: getComputedStyle(link).color, bar: getComputedStyle(link).boxShadow })),
  );
}

async function expectMarked(page: Page, name: string, current: "page" | "true") {
  const state = await menuState(page);
  expect(state.filter((link) => link.current !== null).map((link) => [link.name, link.current])).toEqual([[name, current]]);
  const marked = state.find((link) => link.name === name)!;
  const other = state.find((link) => link.name !== name)!;
  expect(marked.color, "the marked link's colour").not.toBe(other.color);
  expect(marked.bar, "the marked link's bar").not.toBe("none");
  expect(other.bar).toBe("none");
}

describe.skipIf(!browserTestsEnabled)("the section menu marks where the reader is", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("on a section's page, its link is the current page; on its stories, the current item", async () => {
    await page.goto(`${baseUrl}/sections/culture`);
    await expectMarked(page, "문화", "page");
    await page.locator(".site-nav").screenshot({ path: await screenshotPath("reader-section-menu-1280") });
    const story = (await page.locator(".story-list__headline a").first().getAttribute("href")) ?? "";
    await page.goto(`${baseUrl}${story}`);
    expect(await page.locator(".article__section a").textContent()).toBe("문화");
    await expectMarked(page, "문화", "true");

    const phone = await browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await phone.goto(`${baseUrl}/sections/economy`);
    await expectMarked(phone, "경제", "page");
    await phone.locator(".site-nav").screenshot({ path: await screenshotPath("reader-section-menu-360") });
    await phone.close();
  });

  it("is in the HTML the server sends, once", async () => {
    const html = await (await fetch(`${baseUrl}/sections/politics`)).text();
    expect(html).toMatch(/<a href="\/sections\/politics" aria-current="page">정치<\/a>/);
    expect(html.match(/class="site-nav"/g)).toHaveLength(1);
  });

  it("on the front page 홈 is the current page; search, tag, reporter, corrections and 404 pages mark nothing", async () => {
    await page.goto(`${baseUrl}/`);
    await expectMarked(page, "홈", "page");
    // A seeded story with tags and a reporter's page (the front page's lead may be another test's story).
    await page.goto(`${baseUrl}${await demoStoryPath("고양특례시")}`);
    const paths = [
      `/search?q=${encodeURIComponent("고양")}`,
      new URL((await page.locator(".article__tags a").first().getAttribute("href")) ?? "/", baseUrl).pathname,
      new URL((await page.locator(".article__bylines a").first().getAttribute("href")) ?? "/", baseUrl).pathname,
      "/corrections",
      "/sections/no-such-section",
      "/articles/999999",
      "/no/such/page",
    ];
    for (const path of paths) {
      await page.goto(`${baseUrl}${path}`);
      expect(await page.locator(".site-nav").count(), path).toBe(1);
      expect((await menuState(page)).filter((link) => link.current !== null), path).toEqual([]);
    }
  });
});
