// Reader pages the response cache keeps come without the Next.js runtime (issue 24): no
// /_next/ script, no RSC payload; one bundle of our own (/_islands/reader.<hash>.js) hydrates
// their interactive parts, which work as before: the view beacon counts the visit, the reactions
// bar counts a click, a comment is posted and shown, the article tools change the text size, the
// newsletter and follow buttons open their forms. Nothing is logged to the console (no CSP
// violation, no hydration error), on a phone and on a computer.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { liftFloodRules, restoreFloodRules } from "../support/comment-flood-rules";
import { inChromium, launchBrowser, screenshotPath } from "../support/browser";
import { createPublishedStoryInApp } from "../support/published-story-in-app";

const baseUrl = inject("appBaseUrl");
const databaseUrl = inject("appDatabaseUrl");

interface Watched {
  page: Page;
  scripts: string[];
  problems: string[];
  /** The bodies of the view beacons sent (the story's id). */
  views: string[];
}

describe("cached reader pages hydrate their islands without the Next.js runtime", inChromium, () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    await liftFloodRules();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await restoreFloodRules();
  });

  /** A reader's page that records the scripts it loads and whatever goes wrong in it. */
  async function watchedReader(width: number): Promise<Watched> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "ko-KR", ...(width < 600 ? { isMobile: true, hasTouch: true } : {}) });
    context.setDefaultTimeout(20_000);
    contexts.push(context);
    const page = await context.newPage();
    const watched: Watched = { page, scripts: [], problems: [], views: [] };
    page.on("request", (request) => {
      if (request.resourceType() === "script") watched.scripts.push(new URL(request.url()).pathname);
      if (request.method() === "POST" && new URL(request.url()).pathname === "/api/views") watched.views.push(request.postData() ?? "");
    });
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") watched.problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => watched.problems.push(`pageerror: ${error.message}`));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => console.error(`CSP violation: ${event.effectiveDirective} ${event.blockedURI}`));
    });
    return watched;
  }

  for (const width of [360, 1280]) {
    it(`at ${width} px: a cached article loads no Next.js script, and its reactions, comments, text size and the newsletter button work`, async () => {
      const storyId = await createPublishedStoryInApp(databaseUrl, `섬 하이드레이션 시험 기사 ${width}`);
      // Stored by a first request; the reader gets the copy.
      const first = await fetch(`${baseUrl}/articles/${storyId}`, { redirect: "follow" });
      const storyPath = new URL(first.url).pathname;
      await first.arrayBuffer();
      const { page, scripts, problems, views } = await watchedReader(width);
      const response = await page.goto(`${baseUrl}${storyPath}`);
      expect(response?.headers()["x-cache"]).toBe("HIT");
      const html = (await response?.text()) ?? "";
      expect(html).not.toMatch(/<script[^>]*src="\/_next\//);
      expect(html.includes("self.__next_f")).toBe(false);
      expect(/script-src [^;]*/.exec(response?.headers()["content-security-policy"] ?? "")?.[0]).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/]+=*')?$/);

      // The view beacon counted the visit.
      await expect.poll(() => views).toEqual([String(storyId)]);

      // Reactions: the counts are fetched by the hydrated bar; a click counts.
      const like = page.locator('[data-testid="reactions-bar"] button[data-kind="LIKE"]');
      const likes = page.locator('[data-testid="reaction-count-LIKE"]');
      await expect.poll(() => likes.textContent()).not.toBe("-");
      const before = Number(await likes.textContent());
      await like.click();
      await expect.poll(() => likes.textContent()).toBe(String(before + 1));
      expect(await like.getAttribute("aria-pressed")).toBe("true");

      // Comments: posted and shown.
      const island = page.locator('[data-testid="comments-island"]');
      await expect.poll(() => island.locator('[data-testid="comment-total"]').textContent()).toBe("0");
      await page.fill('input[name="nickname"]', `섬독자${width}`);
      await page.fill('input[name="password"]', "4321");
      // A text of this width's own: the same text twice from one address is refused as a repeat.
      const comment = `런타임 없이도 ${width}px 화면에서 댓글이 잘 올라갑니다.`;
      await page.fill('textarea[name="body"]', comment);
      await page.click('button:has-text("등록")');
      await expect.poll(() => island.locator(".comment__body").first().textContent()).toBe(comment);
      await expect.poll(() => island.locator('[data-testid="comment-total"]').textContent()).toBe("1");

      // Article tools: the text grows.
      const bodySize = () => page.locator(".article__body").evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
      const sizeBefore = await bodySize();
      await page.getByRole("button", { name: "글자 크게" }).click();
      await expect.poll(bodySize).toBeGreaterThan(sizeBefore);

      // The footer's newsletter button opens its form, and the byline's follow button its own:
      // two subscribe forms on one page, each with its own field.
      await page.locator(".site-footer__newsletter").getByRole("button", { name: "아침 뉴스레터 받기" }).click();
      const footerField = page.locator(".site-footer__newsletter").getByLabel("이메일");
      await footerField.waitFor();
      if ((await page.locator(".article__follow .subscribe__open").count()) > 0) {
        await page.locator(".article__follow .subscribe__open").click();
        const followField = page.locator(".article__follow").getByLabel("이메일");
        await followField.waitFor();
        expect(await footerField.getAttribute("id")).not.toBe(await followField.getAttribute("id"));
      }

      await page.screenshot({ path: await screenshotPath(`reader-islands-article-${width}`), fullPage: true });
      expect(scripts.filter((script) => script.startsWith("/_next/"))).toEqual([]);
      expect(scripts.filter((script) => /^\/_islands\/reader\.[A-Z0-9]+\.js$/.test(script))).toHaveLength(1);
      expect(problems).toEqual([]);
    });
  }

  it("the home page and a section page come without the Next.js runtime too, and their footer button works", async () => {
    for (const path of ["/", "/sections/politics"]) {
      await (await fetch(`${baseUrl}${path}`)).arrayBuffer();
      const { page, scripts, problems } = await watchedReader(1280);
      const response = await page.goto(`${baseUrl}${path}`);
      expect(response?.headers()["x-cache"]).toBe("HIT");
      await page.locator(".site-footer__newsletter").getByRole("button", { name: "아침 뉴스레터 받기" }).click();
      await page.locator(".site-footer__newsletter").getByLabel("이메일").waitFor();
      expect(scripts.filter((script) => script.startsWith("/_next/"))).toEqual([]);
      expect(problems).toEqual([]);
    }
  });

  it("a not-found page the cache keeps comes without the Next.js runtime too", async () => {
    const address = `${baseUrl}/sections/no-such-section-islands`;
    await (await fetch(address)).arrayBuffer();
    const answer = await fetch(address);
    expect(answer.status).toBe(404);
    expect(answer.headers.get("x-cache")).toBe("HIT");
    const html = await answer.text();
    expect(html).not.toMatch(/<script[^>]*src="\/_next\//);
    expect(html).toMatch(/<script type="module" fetchpriority="low" src="\/_islands\/reader\.[A-Z0-9]+\.js"><\/script><\/body>/);
  });

  it("the bundle is sent as immutable; any other address under /_islands/ is a 404", async () => {
    const html = await (await fetch(`${baseUrl}/`)).text();
    const bundle = /<script type="module" fetchpriority="low" src="(\/_islands\/reader\.[A-Z0-9]+\.js)">/.exec(html)?.[1];
    if (!bundle) throw new Error("the home page loads no reader bundle");
    const answer = await fetch(`${baseUrl}${bundle}`, { headers: { "accept-encoding": "br" } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(answer.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect((await answer.text()).length).toBeGreaterThan(10_000);
    for (const other of ["/_islands/reader.AAAAAAAA.js", "/_islands/", "/_islands/reader.js"]) {
      expect((await fetch(`${baseUrl}${other}`)).status, other).toBe(404);
    }
  });
});
