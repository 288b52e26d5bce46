// Reporter pages at readable addresses, /reporters/<number>-<name>, against the real app: the
// story's sign-off, its JSON-LD and the sitemap link them; old opaque addresses and misnamed ones
// answer 308 to them (the page cursor kept); a deactivated reporter's page stays, an unknown
// reporter is a 404.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { browserTestsEnabled, launchBrowser, screenshotPath } from "../support/browser";
import { createReaderStory } from "../support/reader-story";

const baseUrl = inject("appBaseUrl");
const databaseUrl = inject("appDatabaseUrl");

const redirectOf = async (path: string) => {
  const response = await fetch(`${baseUrl}${path}`, { redirect: "manual" });
  return { status: response.status, location: response.headers.get("location") };
};

describe.skipIf(!browserTestsEnabled)("reporter pages at readable addresses", () => {
  let browser: Browser;
  let storyPath: string;
  let reporter: { id: string; reporterNumber: number; name: string };
  let departed: { id: string; reporterNumber: number };

  beforeAll(async () => {
    browser = await launchBrowser();
    const db = createPrismaClient(databaseUrl);
    try {
      reporter = await db.user.findFirstOrThrow({ where: { email: "reporter@newsroom.test" }, select: { id: true, reporterNumber: true, name: true } });
      // A reporter who wrote a story and then left the paper (deactivated by an admin).
      const passwordHash = (await db.user.findFirstOrThrow({ where: { email: "reporter@newsroom.test" }, select: { passwordHash: true } })).passwordHash;
      const email = `departed-${Date.now()}@newsroom.test`;
      departed = await db.user.create({ data: { email, name: "송민재", title: "기자", passwordHash }, select: { id: true, reporterNumber: true } });
      await createReaderStory(databaseUrl, { headline: "퇴사한 기자가 남긴 기사도 기자 페이지에 남는다", paragraphs: ["[누리일보 송민재 기자] 기자 페이지 시험용 기사입니다."], authorEmail: email, sectionSlug: "society" });
      await db.user.update({ where: { id: departed.id }, data: { active: false } });
    } finally {
      await db.$disconnect();
    }
    storyPath = (await createReaderStory(databaseUrl, { headline: "기자 페이지 주소를 읽을 수 있게 바꾼다", paragraphs: ["[누리일보 이준혁 기자] 기자 페이지 시험용 기사입니다."], authorEmail: "reporter@newsroom.test", sectionSlug: "economy" })).path;
  });
  afterAll(async () => {
    await browser?.close();
  });

  const readable = () => `/reporters/${reporter.reporterNumber}-${encodeURIComponent(reporter.name)}`;

  it("the sign-off links /reporters/<number>-<name>, which opens the reporter's page (Hangul in the address bar)", async () => {
    for (const width of [360, 1280]) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, ...(width === 360 ? { isMobile: true, hasTouch: true } : {}) });
      await expect.poll(async () => (await page.goto(`${baseUrl}${storyPath}`))?.status(), { timeout: 15_000 }).toBe(200);
      const byline = page.locator(".article__bylines a");
      expect(await byline.getAttribute("href")).toBe(readable());
      await byline.click();
      await page.waitForURL(`${baseUrl}${readable()}`);
      expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(`/reporters/${reporter.reporterNumber}-이준혁`);
      expect(await page.locator("h1").textContent()).toContain(reporter.name);
      expect(await page.locator('head link[rel="canonical"]').getAttribute("href")).toBe(`${baseUrl}${readable()}`);
      expect(await page.locator(".story-list__headline").count()).toBeGreaterThan(0);
      // A story without a photo takes the whole width of the list (its text does not keep the
      // empty room of a thumbnail).
      const textOnly = page.locator(".story-list__item--text").first();
      const [itemWidth, textWidth] = await Promise.all([textOnly.evaluate((element) => element.clientWidth), textOnly.locator(".story-list__text").evaluate((element) => element.clientWidth)]);
      expect(textWidth, `${width} px`).toBe(itemWidth);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: await screenshotPath(`reader-reporter-${width}`), fullPage: width === 1280 });
      await page.close();
    }
  });

  it("the story's JSON-LD and the reporters' sitemap name the readable address, never the account id", async () => {
    const html = await (await fetch(`${baseUrl}${storyPath}`)).text();
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? "{}") as { author: { url: string }[] };
    expect(jsonLd.author[0]?.url).toBe(`${baseUrl}${readable()}`);
    expect(html).not.toContain(`/reporters/${reporter.id}`);
    const sitemap = await (await fetch(`${baseUrl}/sitemaps/reporters.xml`)).text();
    expect(sitemap).toContain(`<loc>${baseUrl}${readable()}</loc>`);
    expect(sitemap).not.toContain(reporter.id);
  });

  it("old, bare and misnamed addresses answer 308 to the readable one, keeping the page cursor", async () => {
    const olds = [
      `/reporters/${reporter.id}`,
      `/reporters/${reporter.reporterNumber}`,
      `/reporters/${reporter.reporterNumber}-${encodeURIComponent("다른이름")}`,
    ];
    for (const old of olds) {
      const answer = await redirectOf(old);
      expect(answer.status, old).toBe(308);
      expect(new URL(answer.location ?? "", baseUrl).pathname, old).toBe(readable());
    }
    const paged = await redirectOf(`/reporters/${reporter.id}?before=abc`);
    expect(paged.status).toBe(308);
    expect(new URL(paged.location ?? "", baseUrl).search).toBe("?before=abc");
    expect((await fetch(`${baseUrl}${readable()}`, { redirect: "manual" })).status).toBe(200);
  });

  it("a deactivated reporter keeps the page of their stories; an unknown reporter is a 404, as before", async () => {
    const departedPath = `/reporters/${departed.reporterNumber}-${encodeURIComponent("송민재")}`;
    const old = await redirectOf(`/reporters/${departed.id}`);
    expect(old).toMatchObject({ status: 308 });
    expect(new URL(old.location ?? "", baseUrl).pathname).toBe(departedPath);
    const page = await fetch(`${baseUrl}${departedPath}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("퇴사한 기자가 남긴 기사도");
    for (const unknown of ["/reporters/999999999-없는기자", "/reporters/999999999", "/reporters/nosuchreporter0000", "/reporters/not-an-id!"]) {
      const response = await fetch(`${baseUrl}${encodeURI(unknown)}`, { redirect: "manual" });
      expect(response.status, unknown).toBe(404);
      expect(await response.text(), unknown).toContain("찾을 수 없습니다");
    }
  });
});
