// Portal transmission in the running app (docs/portal-transmission.md): an admin sets up a pull
// destination on /newsroom/portal and sees its feed address once; a story published, corrected
// (정정) and unpublished through the newsroom's API reaches the feed as new, update (with the
// note) and delete under the same id; the stories readers cannot see never appear; the desk sees
// it all on the story's review page and the destination's log, also on a 360 px phone.
// Screenshots: test-results/screenshots/portal-*.png.
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_STAFF } from "@/lib/seed/demo-newsroom";
import { query } from "../support/app-database";
import { browserTestsEnabled, launchBrowser, screenshotPath } from "../support/browser";
import { eventually, expectUsableOnPhone, overflowPastScreen, PHONE, signInStaff, staffContext } from "../support/newsroom-phone";
import { createSubmittedStory, paragraphs, staffApi, STORY_TEXT } from "../support/newsroom-stories";
import { plantStoriesInTheApp } from "../support/planted-in-app";
import { privateStoryIds } from "../support/planted-stories";

const baseUrl = inject("appBaseUrl");

interface FeedItem {
  guid: string;
  actions: string[];
  content: string;
}

async function readFeed(feedUrl: string): Promise<FeedItem[]> {
  const response = await fetch(feedUrl);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("application/rss+xml");
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", isArray: (name) => name === "item" || name === "category" }).parse(await response.text()) as {
    rss: { channel: { item?: { guid: { "#text": string }; category: { "@_domain": string; "#text": string }[]; "content:encoded"?: string }[] } };
  };
  return (parsed.rss.channel.item ?? []).map((item) => ({
    guid: item.guid["#text"],
    actions: item.category.filter((category) => category["@_domain"] === "urn:newsroom:portal:action").map((category) => category["#text"]),
    content: item["content:encoded"] ?? "",
  }));
}

describe.skipIf(!browserTestsEnabled)("portal transmission in the app", () => {
  const planting = plantStoriesInTheApp(inject("appDatabaseUrl"));
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const name = `e2e 포털 ${Date.now().toString(36)}`;
  let destinationId: number;
  let feedUrl: string;
  let storyId: number;
  let editor: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    // Other files' stories must not keep filling this destination.
    await query(`UPDATE "PortalDestination" SET active = false WHERE name = $1`, [name]);
    await browser?.close();
  });

  it("an admin adds a pull destination and is shown its feed address once", async () => {
    const admin = await signInStaff(await staffContext(browser, "desktop", contexts), DEMO_STAFF.admin.email, "/newsroom/portal");
    await admin.fill('input[name="name"]', name);
    await admin.selectOption('select[name="kind"]', "PULL");
    // Every section to one registered category, whichever section the test's story lands in.
    const categoryFields = admin.locator('input[name^="category-"]');
    expect(await categoryFields.count()).toBeGreaterThan(0);
    for (const field of await categoryFields.all()) await field.fill("사회");
    await admin.locator("button", { hasText: "송고처 만들기" }).click();
    const secret = admin.locator('[data-testid="one-time-secret"]');
    await eventually(() => secret.count()).toBe(1);
    feedUrl = (await secret.textContent()) ?? "";
    expect(feedUrl).toMatch(new RegExp(`^${baseUrl}/api/portal/feeds/\\d+/`));
    destinationId = Number(/feeds\/(\d+)\//.exec(feedUrl)?.[1]);
    await admin.screenshot({ path: await screenshotPath("portal-destinations-1280"), fullPage: true });
    // Never again: the page, reloaded, has no token in it.
    await admin.reload();
    expect(await admin.content()).not.toContain(feedUrl.split("/").at(-1)!);
    expect((await fetch(feedUrl.replace(/\/[^/]+$/, "/wrong-token"))).status).toBe(404);
  });

  it("publish, 정정, unpublish: the feed carries new, update with the note, and delete under the same id", async () => {
    const intern = await signInStaff(await staffContext(browser, "desktop", contexts), DEMO_STAFF.intern.email);
    storyId = await createSubmittedStory(intern, `포털 송고 시험 기사 ${Date.now().toString(36)}`);
    editor = await signInStaff(await staffContext(browser, "desktop", contexts), DEMO_STAFF.editor.email);
    const version = async () => (await staffApi<{ article: { version: number } }>(editor, "GET", `/api/v1/articles/${storyId}`)).article.version;
    await staffApi(editor, "POST", `/api/v1/articles/${storyId}/approve`, { version: await version() });
    const uri = `${baseUrl}/articles/${storyId}`;
    const item = async () => (await readFeed(feedUrl)).find((one) => one.guid === uri);
    await eventually(async () => (await item())?.actions).toEqual(["new"]);

    await staffApi(editor, "PATCH", `/api/v1/articles/${storyId}`, { version: await version(), body: paragraphs(`${STORY_TEXT} 개방 시간은 밤 10시까지다.`) });
    const note = "개방 시간을 밤 9시에서 밤 10시로 바로잡습니다.";
    await staffApi(editor, "POST", `/api/v1/articles/${storyId}/approve`, { version: await version(), correctionType: "CORRECTION", correctionNote: note });
    await eventually(async () => (await item())?.actions).toEqual(["update"]);
    expect((await item())?.content).toContain(note);

    await staffApi(editor, "POST", `/api/v1/articles/${storyId}/unpublish`, { reason: "시험 정리" });
    await eventually(async () => (await item())?.actions).toEqual(["delete"]);
    expect((await readFeed(feedUrl)).filter((one) => one.guid === uri)).toHaveLength(1);
    const rows = await query<{ action: string; status: string }>(`SELECT action, status FROM "PortalTransmission" WHERE "destinationId" = $1 AND "articleId" = $2 ORDER BY id`, [destinationId, storyId]);
    expect(rows).toEqual([
      { action: "NEW", status: "SENT" },
      { action: "UPDATE", status: "SENT" },
      { action: "DELETE", status: "SENT" },
    ]);
  });

  it("never has a story readers cannot see", async () => {
    const guids = new Set((await readFeed(feedUrl)).map((one) => one.guid));
    expect(guids.size).toBeGreaterThan(0);
    for (const { kind, id } of privateStoryIds(planting.planted)) expect(guids.has(`${baseUrl}/articles/${id}`), `the planted ${kind} story`).toBe(false);
  });

  it("the desk sees where the story went on its review page and in the destination's log, on a phone too", async () => {
    await editor.goto(`${baseUrl}/newsroom/articles/${storyId}`);
    const panel = editor.locator(`[data-testid="transmission-panel"] [data-destination="${name}"]`);
    expect(await panel.locator("li").count()).toBe(3);
    expect(await panel.textContent()).toMatch(/신규.*수정.*삭제|삭제.*수정.*신규/s);
    expect(await panel.textContent()).toContain("정정: 개방 시간을");
    await editor.locator('[data-testid="transmission-panel"]').screenshot({ path: await screenshotPath("portal-story-panel-1280") });

    const phone = await signInStaff(await staffContext(browser, "phone", contexts), DEMO_STAFF.editor.email, `/newsroom/portal/${destinationId}`);
    expect(await phone.locator('[data-testid="transmission-log"] tbody tr').count()).toBeGreaterThanOrEqual(3);
    await expectUsableOnPhone(phone, "a destination's log");
    await phone.screenshot({ path: await screenshotPath("portal-destination-log-360"), fullPage: true });
    await phone.goto(`${baseUrl}/newsroom/portal`);
    await expectUsableOnPhone(phone, "the destinations");
    await phone.goto(`${baseUrl}/newsroom/articles/${storyId}`);
    // The panel's own checks: the rest of the review page is newsroom-phone.test.ts's (its story
    // preview of a 정정 has a contrast finding of its own, outside this feature).
    expect(await overflowPastScreen(phone, PHONE.width), "the review page: wider than the screen").toBe(0);
    const axe = await new AxeBuilder({ page: phone }).include('[data-testid="transmission-panel"]').withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    expect(axe.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
    await phone.locator('[data-testid="transmission-panel"]').screenshot({ path: await screenshotPath("portal-story-panel-360") });
  });

  it("serves an active IndexNow destination's key file at the site's root, and no other", async () => {
    const key = `e2e-indexnow-${Date.now().toString(36)}`;
    // No categories: the stories other files publish meanwhile are refused there, nothing is pinged.
    await query(`INSERT INTO "PortalDestination" (name, kind, endpoint, secret, active, "updatedAt") VALUES ($1, 'INDEXNOW', 'https://searchadvisor.naver.com/indexnow', $2, true, now())`, [`${name} IndexNow`, key]);
    try {
      const file = await fetch(`${baseUrl}/${key}.txt`);
      expect(file.status).toBe(200);
      expect(await file.text()).toBe(key);
      expect((await fetch(`${baseUrl}/${key}x.txt`)).status).toBe(404);
      expect((await fetch(`${baseUrl}/robots.txt`)).status).toBe(200);
    } finally {
      await query(`UPDATE "PortalDestination" SET active = false WHERE name = $1`, [`${name} IndexNow`]);
    }
  });

  it("a reporter has no portal pages", async () => {
    const intern = await signInStaff(await staffContext(browser, "desktop", contexts), DEMO_STAFF.intern.email);
    const response = await intern.goto(`${baseUrl}/newsroom/portal`);
    expect(response?.status()).toBe(403);
  });
});
