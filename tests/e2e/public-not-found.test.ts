// Every reader 404 is a whole page rendered on the server: status 404, the Korean notice inside
// the site's header and footer, a way home, and no text of the story asked for. Fetched without
// JavaScript (plain HTTP, and Chromium with JavaScript off), the way crawlers, readers with
// scripts blocked and slow phones get it. Before components/site/not-found-page.tsx, notFound()
// in a reader page answered with Next.js's empty error shell (<html id="__next_error__">) and
// the notice appeared only once the client's JavaScript ran.
import { describe, expect, inject, it } from "vitest";
import { DEMO_STAFF } from "@/lib/seed/demo-newsroom";
import { inChromium, launchBrowser, screenshotPath } from "../support/browser";
import { demoStoryPath } from "../support/app-database";
import { signInOverHttp } from "../support/http-session";
import { plantStoriesInTheApp } from "../support/planted-in-app";
import { expectNoPlantedStory, privateStoryIds } from "../support/planted-stories";

const baseUrl = inject("appBaseUrl");
const databaseUrl = inject("appDatabaseUrl");

/** The markup a browser draws before any script runs: the HTML without its scripts (the RSC payload repeats every text there). */
function markupWithoutScripts(html: string): string {
  return html.replaceAll(/<script\b[^>]*>[\s\S]*?<\/script>/g, "");
}

/** What every server-rendered 404 must hold, checked on the HTML as sent. */
function expectServerRenderedNotFound(html: string, path: string): void {
  expect(html.slice(0, 200), `${path}: the site's own document, not Next.js's error shell`).toMatch(/^<!DOCTYPE html><html lang="ko"/);
  expect(html, path).not.toContain("__next_error__");
  const markup = markupWithoutScripts(html);
  expect(markup, `${path}: the Korean notice in the HTML`).toContain('<h1 id="not-found-heading">페이지를 찾을 수 없습니다</h1>');
  expect(markup, `${path}: the site's header with its section menu`).toContain('<nav class="site-nav" aria-label="섹션">');
  expect(markup, `${path}: the site's footer`).toContain('class="site-footer');
  expect(markup, `${path}: a way home`).toContain('<a href="/">첫 화면으로 가기</a>');
  expect(markup.match(/<main\b/g)?.length, `${path}: the chrome once`).toBe(1);
  expect(markup, `${path}: kept out of search indexes`).toMatch(/<meta name="robots" content="noindex"\/>/);
}

describe("reader 404s are rendered on the server", () => {
  const app = plantStoriesInTheApp(databaseUrl);

  /** Every kind of reader address that answers 404, the planted private stories and tags included. */
  function missingPaths(): string[] {
    const hidden = privateStoryIds(app.planted).filter(({ kind }) => kind !== "unpublished");
    return [
      "/articles/2147483000",
      "/articles/2147483000/some-slug",
      "/articles/not-a-number",
      ...hidden.flatMap(({ id }) => [`/articles/${id}`, `/articles/${id}/planted`]),
      "/sections/no-such-section",
      `/sections/${encodeURIComponent("없는섹션")}`,
      `/tags/${encodeURIComponent("없는태그")}`,
      ...app.planted.privateTags.map((tag) => `/tags/${tag.slug}`),
      "/reporters/nosuchreporter0000",
      "/reporters/not-an-id!",
      // An address no route matches (app/not-found.tsx): Next.js renders it as a page of its own, on the server too.
      "/no-such-page",
    ];
  }

  it("each missing story, section, tag and reporter answers 404 with the Korean page in its HTML, twice (rendered, then from the cache)", async () => {
    for (const path of missingPaths()) {
      for (const round of ["first", "second"]) {
        const response = await fetch(`${baseUrl}${path}`);
        expect(response.status, `${path} (${round})`).toBe(404);
        expect(response.headers.get("content-type"), path).toMatch(/^text\/html/);
        const html = await response.text();
        expectServerRenderedNotFound(html, `${path} (${round})`);
        expectNoPlantedStory(app.planted, html, path);
      }
    }
  });

  it("a withdrawn story's 410 is rendered on the server the same way, without its text", async () => {
    const path = `/articles/${app.planted.ids.unpublished}`;
    const response = await fetch(`${baseUrl}${path}`);
    expect(response.status).toBe(410);
    const html = await response.text();
    expectNoPlantedStory(app.planted, html, path);
    expect(html).toMatch(/^<!DOCTYPE html><html lang="ko"/);
    const markup = markupWithoutScripts(html);
    expect(markup).toContain('<h1 id="gone-heading">삭제된 기사입니다</h1>');
    expect(markup).toContain('<nav class="site-nav" aria-label="섹션">');
  });

  it("in Chromium with JavaScript off, the notice, the header and the way home are there (screenshots)", inChromium, async () => {
    const browser = await launchBrowser();
    try {
      for (const [name, viewport] of [
        ["public-404-no-js-desktop", { width: 1280, height: 900 }],
        ["public-404-no-js-360", { width: 360, height: 740 }],
      ] as const) {
        const context = await browser.newContext({ javaScriptEnabled: false, viewport });
        const page = await context.newPage();
        const response = await page.goto(`${baseUrl}/articles/${app.planted.ids.scheduled}`);
        expect(response?.status()).toBe(404);
        expect(await page.locator("h1").textContent({ timeout: 5_000 })).toBe("페이지를 찾을 수 없습니다");
        expect(await page.locator(".site-header__brand").isVisible()).toBe(true);
        expect(await page.locator("main a", { hasText: "첫 화면으로 가기" }).getAttribute("href")).toBe("/");
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
        expectNoPlantedStory(app.planted, await page.content(), name);
        await page.screenshot({ path: await screenshotPath(name), fullPage: true });
        await context.close();
      }
    } finally {
      await browser.close();
    }
  });

  it("a story's page carries the site's chrome once in its RSC payload: the 404's chrome is not serialized into every page", async () => {
    // As Next.js answers it (a staff session): the cached copy readers get has no RSC payload.
    const session = await signInOverHttp(baseUrl, DEMO_STAFF.editor.email, inject("demoPassword"));
    const html = await (await fetch(`${baseUrl}${await demoStoryPath("고양특례시")}`, { headers: { cookie: session.cookie } })).text();
    expect(html, "rendered by Next.js, with its payload").toContain("self.__next_f");
    const markup = markupWithoutScripts(html);
    const payload = html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g)?.join("") ?? "";
    // Once drawn, once in the payload that hydrates it; app/not-found.tsx drawing the chrome put
    // a second header, menu and footer into the payload of every page.
    for (const mark of ["site-header__brand", "site-footer__copyright", "site-nav__list"]) {
      expect(markup.split(mark).length - 1, `${mark} in the markup`).toBe(1);
      expect(payload.split(mark).length - 1, `${mark} in the RSC payload`).toBe(1);
    }
  });

  it("a cached 404 does not outlive the story's publication", async () => {
    const path = `/articles/${app.planted.ids.scheduled}`;
    expect((await fetch(`${baseUrl}${path}`)).status).toBe(404);
    const cached = await fetch(`${baseUrl}${path}`);
    expect(cached.status).toBe(404);
    expect(cached.headers.get("x-cache"), "the 404 is kept by the response cache").toBe("HIT");

    // The desk brings the scheduled story forward to now: it is published.
    await app.db.article.update({ where: { id: app.planted.ids.scheduled }, data: { status: "PUBLISHED", publishedAt: new Date(Date.now() - 60_000) } });
    await app.announce("article.published", [{ articleId: app.planted.ids.scheduled }]);
    // Well within the 404's own lifetime (a minute): only the event can have dropped it. The bare
    // /articles/<id> address redirects to the one with the slug once the story is public.
    await expect.poll(async () => (await fetch(`${baseUrl}${path}`, { redirect: "manual" })).status, { timeout: 30_000, interval: 100 }).toBe(308);
  });
});
