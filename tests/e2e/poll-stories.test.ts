// Election poll stories in the real app, in Chromium: the admin enters an election whose poll
// blackout (공직선거법 제108조 제1항) is in force now, at 360 px; the desk's review screen says why
// the poll story cannot be approved, and the API refuses it naming the rule; once the election is
// removed the story goes out, and readers see the particulars box (선거여론조사기준 제18조) at the
// end of the story at 360 and 1280 px. The planted private stories are given particulars with
// their markers: no reader page prints them.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_STAFF } from "@/lib/seed/demo-newsroom";
import { query } from "../support/app-database";
import { inChromium, launchBrowser, screenshotPath } from "../support/browser";
import { signInOverHttp, type ApiSession } from "../support/http-session";
import { expectNoPlantedStory } from "../support/planted-stories";
import { plantStoriesInTheApp } from "../support/planted-in-app";
import { POLL_PARTICULARS } from "../support/poll-particulars";

const baseUrl = inject("appBaseUrl");
const databaseUrl = inject("appDatabaseUrl");
const password = inject("demoPassword");

const paragraph = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const STORY_TEXT = "[누리일보 이준혁 기자] 고양시장 선거를 앞두고 실시한 여론조사에서 두 후보가 오차범위 안에서 접전을 벌이는 것으로 나타났다. ".repeat(3);

const SURVEY = { kind: "original", ...POLL_PARTICULARS, registered: true };

/** Today in Korea time plus `days`, as the date input wants it (2026-12-10). */
function kstDay(days: number): string {
  return new Date(Date.now() + 9 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

async function signIn(page: Page, email: string, next: string) {
  await page.goto(`${baseUrl}${next}`);
  await page.waitForURL(/\/login\?/);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await page.click('button[type="submit"]');
  await page.waitForURL(`${baseUrl}${next}`);
}

describe("election poll stories", inChromium, () => {
  const planting = plantStoriesInTheApp(databaseUrl);
  let browser: Browser;
  let desk: ApiSession;
  const contexts: BrowserContext[] = [];
  const electionName = `시험 보궐선거 ${Date.now().toString(36)}`;
  let storyId: number | undefined;
  const newPage = async (width: number) => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "ko-KR", timezoneId: "Asia/Seoul" });
    context.setDefaultTimeout(20_000);
    contexts.push(context);
    const page = await context.newPage();
    page.on("dialog", (dialog) => void dialog.accept());
    return page;
  };

  beforeAll(async () => {
    [browser, desk] = await Promise.all([launchBrowser(), signInOverHttp(baseUrl, DEMO_STAFF.editor.email, password)]);
  }, 120_000);
  afterAll(async () => {
    // Leave the shared app as other files expect it: no election, no poll story on the front page.
    await query(`DELETE FROM "Election" WHERE name = $1`, [electionName]);
    if (storyId) await desk?.request("POST", `/api/v1/articles/${storyId}/unpublish`, { reason: "여론조사 시험을 마쳤습니다." });
    await browser?.close();
  });

  it("inside an election's blackout the desk cannot put a poll story out; outside it, readers get the particulars box", async () => {
    // The desk's poll story, submitted with every particular.
    const { sections } = (await (await desk.request("GET", "/api/v1/sections")).json()) as { sections: { id: number }[] };
    const headline = `고양시장 후보 지지도 접전 ${Date.now().toString(36)}`;
    const created = await desk.request("POST", "/api/v1/articles", { headline, sectionId: sections[0]?.id, origin: "OWN_REPORTING", body: paragraph(STORY_TEXT), pollSurvey: SURVEY });
    expect(created.status).toBe(201);
    const { article } = (await created.json()) as { article: { id: number } };
    storyId = article.id;
    expect((await desk.request("POST", `/api/v1/articles/${article.id}/submit`)).status).toBe(200);

    // The admin enters an election three days ahead: its blackout is in force now.
    const admin = await newPage(360);
    await signIn(admin, DEMO_STAFF.admin.email, "/newsroom/elections");
    await admin.fill('input[name="name"]', electionName);
    await admin.fill('input[name="electionDay"]', kstDay(3));
    await admin.fill('input[name="votingEndsAt"]', "20:00");
    await admin.click('button:has-text("등록")');
    await expect.poll(() => admin.locator('[role="status"]').textContent()).toContain("여론조사 보도는 발행·예약할 수 없습니다");
    expect(await admin.textContent('[data-testid="elections"]')).toContain(electionName);
    await admin.screenshot({ path: await screenshotPath("elections-360"), fullPage: true });

    // The review screen says why before the click; the API refuses, naming the rule.
    const editor = await newPage(1280);
    await signIn(editor, DEMO_STAFF.editor.email, `/newsroom/articles/${article.id}`);
    await editor.click("details.review-refused summary");
    expect(await editor.textContent("details.review-refused")).toContain("공직선거법 제108조 제1항");
    const { article: current } = (await (await desk.request("GET", `/api/v1/articles/${article.id}`)).json()) as { article: { version: number } };
    const refused = await desk.request("POST", `/api/v1/articles/${article.id}/approve`, { version: current.version });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain(electionName);

    // The election removed (a mistaken entry), the story goes out with its box.
    await admin.locator('[data-testid="elections"] li', { hasText: electionName }).locator('button:has-text("지우기")').click();
    await expect.poll(() => admin.textContent('[data-testid="elections"]')).not.toContain(electionName);
    expect((await desk.request("POST", `/api/v1/articles/${article.id}/approve`, { version: current.version })).status).toBe(200);

    for (const width of [360, 1280]) {
      const reader = await newPage(width);
      await reader.goto(`${baseUrl}/articles/${article.id}`);
      const box = reader.locator('[data-testid="poll-survey-box"]');
      expect(await box.locator("h2").textContent()).toBe("여론조사 개요");
      const text = await box.textContent();
      for (const value of ["조사 의뢰자", "누리일보", "한국여론연구소", "1,003명", "12.4%", "±3.1%포인트", "www.nesdc.go.kr"]) expect(text).toContain(value);
      // After the body, before the sign-off.
      expect(await reader.evaluate(() => document.querySelector(".article__body")!.compareDocumentPosition(document.querySelector('[data-testid="poll-survey-box"]')!) & Node.DOCUMENT_POSITION_FOLLOWING)).toBeTruthy();
      await box.screenshot({ path: await screenshotPath(`poll-box-${width}`) });
    }
  }, 300_000);

  it("no reader page prints a planted private story's particulars", async () => {
    const { planted, db } = planting;
    for (const [kind, id] of Object.entries(planted.ids)) {
      const marker = kind === "published" ? planted.publishedMarker : planted.markers[kind as keyof typeof planted.markers];
      const survey = { ...SURVEY, sponsor: `${marker} 의뢰` };
      await db.article.update({ where: { id }, data: { pollSurvey: survey } });
      const { liveRevisionId } = await db.article.findUniqueOrThrow({ where: { id }, select: { liveRevisionId: true } });
      // pendingUpdate's live revision is public: it gets the public marker, its working copy the private one.
      if (liveRevisionId) await db.articleRevision.update({ where: { id: liveRevisionId }, data: { pollSurvey: { ...survey, sponsor: `${kind === "pendingUpdate" ? planted.publishedMarker : marker} 의뢰` } } });
    }
    await planting.announce("article.published", Object.values(planted.ids).map((articleId) => ({ articleId })));
    let seen = "";
    for (const id of Object.values(planted.ids)) {
      await expect.poll(async () => (await fetch(`${baseUrl}/articles/${id}`)).headers.get("x-cache"), { timeout: 5_000, interval: 50 }).not.toBe("HIT");
      seen += await (await fetch(`${baseUrl}/articles/${id}`)).text();
    }
    expectNoPlantedStory(planted, seen, "the article pages");
    expect(seen).toContain(`${planted.publishedMarker} 의뢰`);
  }, 120_000);
});
