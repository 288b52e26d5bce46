// Readers' reactions in a real Chromium against the real app, on a 360 px phone and a 1280 px
// desktop: a reader reacts and changes their mind, the counts move at once; another browser on
// the same address is the same reader (one per source, not per cookie); the counts readers load
// catch up within seconds; the article page stays one cached page whatever the clicks; a story
// readers may not see takes none. The desk sees the follow-up requests on its dashboard.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { DEMO_STAFF } from "@/lib/seed/demo-newsroom";
import { inChromium, launchBrowser, screenshotPath } from "../support/browser";
import { newStaffPage } from "../support/editor-e2e";
import { traceNetwork } from "../support/network-trace";
import { expectNoPlantedStory, privateStoryIds } from "../support/planted-stories";
import { plantStoriesInTheApp } from "../support/planted-in-app";

const baseUrl = inject("appBaseUrl");
const databaseUrl = inject("appDatabaseUrl");

const PHONE = { width: 360, height: 780 };
const DESKTOP = { width: 1280, height: 900 };

/** A published story of this file's own (other browser tests cannot change it under us); its path. */
async function createStory(headline: string): Promise<{ id: number; path: string }> {
  const db = createPrismaClient(databaseUrl);
  try {
    const author = await db.user.findFirstOrThrow({ where: { email: "reporter@newsroom.test" } });
    const text = "[누리일보 이준혁 기자] 반응을 시험하는 기사의 첫 문단입니다. 독자는 기사 아래에서 좋아요, 훈훈해요, 슬퍼요, 화나요, 후속기사 원해요 가운데 하나를 고릅니다.";
    const past = new Date(Date.now() - 3_600_000);
    const slug = `reactions-e2e-${Date.now().toString(36)}`;
    const article = await db.article.create({
      data: { headline, subHeadlines: [], slug, bodyJson: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] }, bodyHtml: `<p>${text}</p>`, bodyText: text, authorId: author.id, status: "PUBLISHED", approvedAt: past, publishedAt: past },
    });
    const revision = await db.articleRevision.create({
      data: { articleId: article.id, number: 1, kind: "APPROVE", articleVersion: 1, headline, subHeadlines: [], bodyJson: article.bodyJson ?? {}, bodyHtml: article.bodyHtml, bodyText: article.bodyText, createdById: author.id },
    });
    await db.article.update({ where: { id: article.id }, data: { liveRevisionId: revision.id } });
    return { id: article.id, path: `/articles/${article.id}/${slug}` };
  } finally {
    await db.$disconnect();
  }
}

const countOf = (page: Page, kind: string) => page.locator(`[data-testid="reaction-count-${kind}"]`).textContent();
const button = (page: Page, kind: string) => page.locator(`[data-testid="reactions-bar"] button[data-kind="${kind}"]`);

describe("the reactions bar in Chromium", inChromium, () => {
  const app = plantStoriesInTheApp(databaseUrl);
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  /** A browser of its own (cookies, storage), on the same address as every other here (127.0.0.1). */
  const reader = async (viewport: { width: number; height: number }): Promise<Page> => {
    const context = await browser.newContext({ viewport, locale: "ko-KR", timezoneId: "Asia/Seoul", ...(viewport.width < 600 ? { isMobile: true, hasTouch: true } : {}) });
    context.setDefaultTimeout(20_000);
    contexts.push(context);
    return context.newPage();
  };
  /** The story's page with the bar's counts loaded. */
  const open = async (page: Page, path: string) => {
    await page.goto(`${baseUrl}${path}`);
    await expect.poll(() => countOf(page, "LIKE")).not.toBe("-");
  };

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  it("a reader reacts and changes their mind; another browser on the same address is the same reader; the counts catch up within seconds; no click renders the page", async () => {
    const story = await createStory("한파 속 쪽방촌 겨울나기");
    // The page as readers get it from the cache, counts not in it.
    await fetch(`${baseUrl}${story.path}`);
    const cachedBefore = await fetch(`${baseUrl}${story.path}`);
    expect(cachedBefore.headers.get("x-cache")).toBe("HIT");
    const etagBefore = cachedBefore.headers.get("etag");

    const desktop = await reader(DESKTOP);
    await open(desktop, story.path);
    for (const kind of ["LIKE", "WARM", "SAD", "ANGRY", "FOLLOW_UP"]) expect(await countOf(desktop, kind)).toBe("0");
    expect(await desktop.locator('[data-testid="reactions-bar"] button').allTextContents()).toEqual(["좋아요0", "훈훈해요0", "슬퍼요0", "화나요0", "후속기사 원해요0"]);

    await button(desktop, "WARM").click();
    await expect.poll(() => countOf(desktop, "WARM")).toBe("1");
    expect(await button(desktop, "WARM").getAttribute("aria-pressed")).toBe("true");
    // Changed: the reaction moves, it does not add.
    await button(desktop, "SAD").click();
    await expect.poll(() => countOf(desktop, "SAD")).toBe("1");
    expect(await countOf(desktop, "WARM")).toBe("0");
    expect(await button(desktop, "WARM").getAttribute("aria-pressed")).toBe("false");
    expect(await button(desktop, "SAD").getAttribute("aria-pressed")).toBe("true");
    await desktop.locator('[data-testid="reactions-bar"]').screenshot({ path: await screenshotPath("reactions-bar-1280") });
    await desktop.screenshot({ path: await screenshotPath("reactions-page-1280"), fullPage: false });

    // A phone: another browser (no cookie, no storage of the desktop's), the same address. The
    // counts it loads catch up with the desktop's click within seconds (they are cached briefly).
    const phone = await reader(PHONE);
    await expect
      .poll(async () => {
        await open(phone, story.path);
        return countOf(phone, "SAD");
      }, { timeout: 15_000, interval: 500 })
      .toBe("1");
    // Its reaction is the same reader's: it replaces the desktop's, the total stays one.
    await button(phone, "FOLLOW_UP").click();
    await expect.poll(() => countOf(phone, "FOLLOW_UP")).toBe("1");
    expect(await countOf(phone, "SAD")).toBe("0");
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await phone.locator('[data-testid="reactions-bar"]').scrollIntoViewIfNeeded();
    await phone.locator('[data-testid="reactions-bar"]').screenshot({ path: await screenshotPath("reactions-bar-360") });
    await phone.screenshot({ path: await screenshotPath("reactions-page-360"), fullPage: false });
    // Clicking one's own reaction again withdraws it.
    await button(phone, "FOLLOW_UP").click();
    await expect.poll(() => countOf(phone, "FOLLOW_UP")).toBe("0");
    expect(await button(phone, "FOLLOW_UP").getAttribute("aria-pressed")).toBe("false");
    await button(phone, "LIKE").click();
    await expect.poll(() => countOf(phone, "LIKE")).toBe("1");

    // One reader, one reaction, whatever the browsers: what every reader loads says so within seconds.
    await expect.poll(async () => ((await (await fetch(`${baseUrl}/api/v1/articles/${story.id}/reactions`)).json()) as { counts: Record<string, number>; total: number }), { timeout: 10_000, interval: 250 }).toMatchObject({ total: 1, counts: { LIKE: 1 } });

    // All those clicks, and the page is still the very page the cache held: the counts were never in it.
    const cachedAfter = await fetch(`${baseUrl}${story.path}`);
    expect(cachedAfter.headers.get("x-cache")).toBe("HIT");
    expect(cachedAfter.headers.get("etag")).toBe(etagBefore);
    expect(await cachedAfter.text()).not.toMatch(/data-testid="reaction-count-[A-Z_]+">\d/);
  });

  it("a reader who reloads the story at once gets the counts from the server, and the page's network goes idle", async () => {
    const story = await createStory("새로 고친 기사, 반응 수는 서버에 다시 묻는다");
    const countsUrl = `${baseUrl}/api/v1/articles/${story.id}/reactions`;
    const page = await reader(DESKTOP);
    const trace = await traceNetwork(page);
    await open(page, story.path);
    expect(await countOf(page, "LIKE")).toBe("0");
    // A click made elsewhere, seen by the server's answer (kept there 2 s at most) ...
    const click = await fetch(countsUrl, { method: "POST", headers: { "content-type": "application/json", origin: baseUrl }, body: JSON.stringify({ kind: "LIKE" }) });
    expect(click.status).toBe(200);
    await expect.poll(async () => ((await (await fetch(countsUrl)).json()) as { counts: { LIKE: number } }).counts.LIKE, { interval: 250 }).toBe(1);
    // ... is what the reloaded page shows: the browser asked the server again (a 304 when nothing
    // changed), it did not show the copy it kept while revalidating it in the background.
    await page.reload();
    await expect.poll(() => countOf(page, "LIKE")).toBe("1");
    await page.locator('[data-testid="reactions-bar"]').screenshot({ path: await screenshotPath("reactions-bar-reloaded-1280") });
    const countsAnswers = [...trace.requests.values()].filter((request) => request.url === countsUrl);
    expect(countsAnswers.map((request) => `${request.type} ${request.fromDiskCache ? "from the HTTP cache" : "from the server"}`)).toEqual(["Fetch from the server", "Fetch from the server"]);
    // Chromium never reports the end of such a background revalidation of a fetch: the page
    // never went idle (tests waiting for "networkidle" hung on it).
    const unfinished = await page.waitForLoadState("networkidle", { timeout: 10_000 }).then(
      () => [],
      () => trace.unfinished(),
    );
    expect(unfinished).toEqual([]);
  });

  it("the desk's dashboard lists the story readers asked a follow-up for", async () => {
    const story = await createStory("전통시장 화재 피해 상인 지원");
    const phone = await reader(PHONE);
    await open(phone, story.path);
    await button(phone, "FOLLOW_UP").click();
    await expect.poll(() => countOf(phone, "FOLLOW_UP")).toBe("1");
    const desk = await newStaffPage(browser, DEMO_STAFF.editor.email, contexts, DESKTOP);
    await desk.goto(`${baseUrl}/newsroom`);
    const row = desk.locator('[data-testid="follow-up-requests"] tr', { hasText: "전통시장 화재 피해 상인 지원" });
    expect(await row.locator('[data-testid="follow-up-count"]').textContent()).toBe("1명");
    await desk.locator("#follow-up-heading").scrollIntoViewIfNeeded();
    await desk.screenshot({ path: await screenshotPath("desk-follow-up-requests-1280"), fullPage: false });
    // A reporter's dashboard has no such list.
    const reporter = await newStaffPage(browser, DEMO_STAFF.reporter.email, contexts, PHONE);
    expect(await reporter.locator('[data-testid="follow-up-requests"]').count()).toBe(0);
    // The planted private stories carry follow-up requests too: readers cannot see them, so they are not listed
    // (the desk's queue above lists the planted submitted story, as it should: that is the desk's work).
    expectNoPlantedStory(app.planted, (await desk.locator('[data-testid="follow-up-requests"]').textContent()) ?? "", "the follow-up list");
  });

  it("a story readers may not see takes no reactions and shows no counts; the public control does", async () => {
    const { planted } = app;
    for (const { kind, id } of privateStoryIds(planted)) {
      const counts = await fetch(`${baseUrl}/api/v1/articles/${id}/reactions`);
      expect(counts.status, kind).toBe(404);
      expect(((await counts.json()) as { error: { message: string } }).error.message).toBe("기사를 찾을 수 없습니다.");
      const post = await fetch(`${baseUrl}/api/v1/articles/${id}/reactions`, { method: "POST", headers: { "content-type": "application/json", origin: baseUrl }, body: JSON.stringify({ kind: "LIKE" }) });
      expect(post.status, kind).toBe(404);
      const page = await fetch(`${baseUrl}/articles/${id}`);
      expect(await page.text()).not.toContain('data-testid="reactions-bar"');
    }
    // From another site: refused before anything is read.
    const foreign = await fetch(`${baseUrl}/api/v1/articles/${planted.ids.published}/reactions`, { method: "POST", headers: { "content-type": "application/json", origin: "https://evil.example" }, body: JSON.stringify({ kind: "LIKE" }) });
    expect(foreign.status).toBe(403);
    const control = await reader(DESKTOP);
    await open(control, `/articles/${planted.ids.published}`);
    expect(await countOf(control, "LIKE")).toBe("0");
  });
});
