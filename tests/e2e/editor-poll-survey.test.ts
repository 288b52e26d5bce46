// 선거여론조사 표기 in the story editor, in Chromium: a reporter flags a story as an election poll
// story and enters its particulars (선거여론조사기준 제18조) on a 360 px phone and at 1280 px; they
// are autosaved like the headline and come back after a reload. An impossible value (응답률 120%,
// 표본 크기 0) shows the schema's Korean message under the field and is saved with the rest of the
// story (a draft keeps whatever it holds), so the headline typed meanwhile reaches the server and a
// reload shows the value with its message again. A submission missing the registration check names it in
// Korean; once submitted and approved, readers get the box with the entered values, and a later
// change shows in the desk's diff. Planted stories readers may not see never print their
// particulars.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_STAFF } from "@/lib/seed/demo-newsroom";
import { POLL_PARTICULARS } from "../support/poll-particulars";
import { inChromium, launchBrowser, screenshotPath } from "../support/browser";
import { newStaffPage, openEditor, query, waitUntilSaved } from "../support/editor-e2e";
import { signInOverHttp, type ApiSession } from "../support/http-session";
import { eventually, expectUsableOnPhone, signInStaff, staffContext } from "../support/newsroom-phone";
import { expectNoPlantedStory } from "../support/planted-stories";
import { plantStoriesInTheApp } from "../support/planted-in-app";

const baseUrl = inject("appBaseUrl");
const databaseUrl = inject("appDatabaseUrl");
const password = inject("demoPassword");

const STORY_TEXT = "고양시장 선거를 앞두고 누리일보가 실시한 여론조사에서 두 후보가 오차범위 안에서 접전을 벌이는 것으로 나타났다. ".repeat(2);

/** What the reporter types, field by field (input name poll-<key>). */
const TYPED = POLL_PARTICULARS;
type TypedField = keyof typeof TYPED;

// The editor's sticky bar would cover the section in an element screenshot: static while shooting.
const SHOT_STYLE = ".editor-bar { position: static !important; }";

const field = (page: Page, key: TypedField) => page.locator(`[name="poll-${key}"]`);
const storedSurvey = async (id: number) => (await query<{ pollSurvey: Record<string, unknown> | null }>(`SELECT "pollSurvey" FROM "Article" WHERE id = $1`, [id]))[0]?.pollSurvey;

describe("선거여론조사 표기 in the editor", inChromium, () => {
  const planting = plantStoriesInTheApp(databaseUrl);
  let browser: Browser;
  let desk: ApiSession;
  const contexts: BrowserContext[] = [];
  const headline = `고양시장 후보 지지도 접전 ${Date.now().toString(36)}`;
  let storyId: number | undefined;

  beforeAll(async () => {
    [browser, desk] = await Promise.all([launchBrowser(), signInOverHttp(baseUrl, DEMO_STAFF.editor.email, password)]);
  }, 120_000);
  afterAll(async () => {
    // Leave the shared app's front page as other files expect it.
    if (storyId) await desk?.request("POST", `/api/v1/articles/${storyId}/unpublish`, { reason: "여론조사 편집기 시험을 마쳤습니다." });
    await browser?.close();
  });

  it("at 360 px a reporter flags the story and enters every particular; autosaved, they are there after a reload", async () => {
    const context = await staffContext(browser, "phone", contexts);
    const page = await signInStaff(context, DEMO_STAFF.reporter.email, "/newsroom/articles/new");
    await page.waitForSelector('[data-testid="editor-body"][contenteditable="true"]');
    await page.fill('input[name="headline"]', headline);
    await page.selectOption('select[name="section"]', { label: "사회" });
    await page.locator('[data-testid="story-origin"]').getByLabel("자체 취재").tap();
    await page.locator('[data-testid="editor-body"]').tap();
    await page.keyboard.insertText(STORY_TEXT);

    // Folded to one line until opened; the checkbox opens the fields.
    const section = page.locator('[data-testid="poll-survey"]');
    expect(await section.getAttribute("open")).toBeNull();
    expect(await page.textContent('[data-testid="poll-survey-progress"]')).toBe("해당 없음");
    await section.locator("summary").tap();
    await section.getByLabel("이 기사는 선거 여론조사 결과를 보도합니다").tap();
    await field(page, "sponsor").waitFor();
    for (const [key, value] of Object.entries(TYPED) as [TypedField, string][]) await field(page, key).fill(value);
    await eventually(() => page.textContent('[data-testid="poll-survey-progress"]')).toBe("필수 12개 중 12개 입력");
    await waitUntilSaved(page);
    const id = Number(await page.getAttribute('[data-testid="article-editor"]', "data-article-id"));
    storyId = id;
    await eventually(() => storedSurvey(id)).toMatchObject({ kind: "original", ...TYPED, registered: false });

    await section.scrollIntoViewIfNeeded();
    await expectUsableOnPhone(page, "editor with the poll particulars open");
    await section.screenshot({ path: await screenshotPath("editor-poll-survey-360"), style: SHOT_STYLE });

    await openEditor(page, `/newsroom/articles/${id}/edit`);
    // A poll story opens with the section unfolded.
    expect(await page.locator('[data-testid="poll-survey"]').getAttribute("open")).toBe("");
    for (const [key, value] of Object.entries(TYPED) as [TypedField, string][]) expect(await field(page, key).inputValue(), key).toBe(value);
    expect(await page.isChecked('input[name="isPollStory"]')).toBe(true);
    await context.close();
  });

  it("at 1280 px an impossible value shows its Korean message under the field and is saved with the rest, so nothing is held back", async () => {
    const id = storyId!;
    const page = await newStaffPage(browser, DEMO_STAFF.reporter.email, contexts);
    await openEditor(page, `/newsroom/articles/${id}/edit`);
    const before = await query<{ version: number }>(`SELECT version FROM "Article" WHERE id = $1`, [id]);

    await field(page, "responseRate").fill("120%");
    await eventually(() => page.textContent('[data-testid="poll-error-responseRate"]')).toBe("응답률은 0%보다 크고 100% 이하여야 합니다.");
    expect(await field(page, "responseRate").getAttribute("aria-invalid")).toBe("true");
    await field(page, "sampleSize").fill("0");
    await eventually(() => page.textContent('[data-testid="poll-error-sampleSize"]')).toBe("표본 크기는 1명 이상인 정수로 적어 주세요 (예: 1,003명).");
    await eventually(() => page.textContent('[data-testid="poll-survey-progress"]')).toBe("필수 12개 중 12개 입력 · 고칠 값 2개");
    // The headline changed meanwhile: saved with the values as typed (a draft keeps whatever it
    // holds; submission and approval refuse the values until they are fixed).
    await page.fill('input[name="headline"]', `${headline} (종합)`);
    await waitUntilSaved(page);
    expect(await field(page, "responseRate").inputValue()).toBe("120%");
    await page.locator('[data-testid="poll-survey"]').screenshot({ path: await screenshotPath("editor-poll-survey-invalid-1280"), style: SHOT_STYLE });
    await eventually(() => storedSurvey(id)).toMatchObject({ responseRate: "120%", sampleSize: "0" });
    expect(await query<{ headline: string }>(`SELECT headline FROM "Article" WHERE id = $1`, [id])).toEqual([{ headline: `${headline} (종합)` }]);
    expect((await query<{ version: number }>(`SELECT version FROM "Article" WHERE id = $1`, [id]))[0]!.version).toBeGreaterThan(before[0]!.version);

    // A reload (on this device or another): the server's copy, with the values' messages.
    await openEditor(page, `/newsroom/articles/${id}/edit`);
    expect(await page.locator('[data-testid="recover-backup"]').count()).toBe(0);
    await eventually(() => field(page, "responseRate").inputValue()).toBe("120%");
    expect(await field(page, "sampleSize").inputValue()).toBe("0");
    expect(await page.inputValue('input[name="headline"]')).toBe(`${headline} (종합)`);
    await eventually(() => page.textContent('[data-testid="poll-error-responseRate"]')).toBe("응답률은 0%보다 크고 100% 이하여야 합니다.");

    // Fixed: everything reaches the server.
    await field(page, "responseRate").fill("12.4%");
    await field(page, "sampleSize").fill("1,003명");
    await field(page, "questions").fill(`${TYPED.questions}\n지지하는 정당은 어디입니까?`);
    expect(await page.locator('[data-testid^="poll-error-"]').count()).toBe(0);
    await waitUntilSaved(page);
    expect(await query<{ headline: string }>(`SELECT headline FROM "Article" WHERE id = $1`, [id])).toEqual([{ headline: `${headline} (종합)` }]);
    await eventually(() => storedSurvey(id)).toMatchObject({ responseRate: "12.4%", sampleSize: "1,003명", questions: `${TYPED.questions}\n지지하는 정당은 어디입니까?` });
    await page.locator('[data-testid="poll-survey"]').scrollIntoViewIfNeeded();
    await page.locator('[data-testid="poll-survey"]').screenshot({ path: await screenshotPath("editor-poll-survey-1280"), style: SHOT_STYLE });
    await page.screenshot({ path: await screenshotPath("editor-poll-survey-1280-page"), fullPage: true, style: SHOT_STYLE });

    // Unticked by mistake (after a confirmation), ticked again: what was typed comes back.
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByLabel("이 기사는 선거 여론조사 결과를 보도합니다").uncheck();
    await eventually(() => field(page, "sponsor").count()).toBe(0);
    await waitUntilSaved(page);
    await eventually(() => storedSurvey(id)).toBeNull();
    await page.getByLabel("이 기사는 선거 여론조사 결과를 보도합니다").check();
    expect(await field(page, "pollster").inputValue()).toBe(TYPED.pollster);
    await waitUntilSaved(page);
    await eventually(() => storedSurvey(id)).toMatchObject({ ...TYPED, questions: `${TYPED.questions}\n지지하는 정당은 어디입니까?` });

    await openEditor(page, `/newsroom/articles/${id}/edit`);
    expect(await page.locator('[data-testid="recover-backup"]').count()).toBe(0);
    expect(await field(page, "questions").inputValue()).toBe(`${TYPED.questions}\n지지하는 정당은 어디입니까?`);
    expect(await field(page, "pollster").inputValue()).toBe(TYPED.pollster);
  });

  it("submission names the missing registration check in Korean; approved, readers get the box with the entered values, and the desk's diff shows a later change", async () => {
    const id = storyId!;
    const page = await newStaffPage(browser, DEMO_STAFF.reporter.email, contexts);
    await openEditor(page, `/newsroom/articles/${id}/edit`);
    await page.locator("button", { hasText: "데스크에 넘기기" }).click();
    const problems = page.locator('[data-testid="submission-problems"]');
    await eventually(() => problems.textContent()).toContain("중앙선거여론조사심의위원회 홈페이지에 등록된 조사인지 확인하세요");
    expect(await page.textContent('[data-testid="poll-error-registered"]')).toContain("공직선거법 제108조 제8항");
    expect(page.url()).toBe(`${baseUrl}/newsroom/articles/${id}/edit`);
    await page.getByLabel(/등록된 조사임을 확인했습니다/).check();
    await eventually(() => problems.count()).toBe(0);
    await page.locator("button", { hasText: "데스크에 넘기기" }).click();
    await page.waitForURL(`${baseUrl}/newsroom/articles/${id}`);

    const { article } = (await (await desk.request("GET", `/api/v1/articles/${id}`)).json()) as { article: { version: number } };
    const approved = await desk.request("POST", `/api/v1/articles/${id}/approve`, { version: article.version });
    expect(approved.status, await approved.clone().text()).toBe(200);

    for (const width of [360, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "ko-KR", timezoneId: "Asia/Seoul" });
      contexts.push(context);
      const reader = await context.newPage();
      await reader.goto(`${baseUrl}/articles/${id}`);
      const box = reader.locator('[data-testid="poll-survey-box"]');
      expect(await box.locator("h2").textContent()).toBe("여론조사 개요");
      const rows = await box.locator(".poll-survey-box__row").evaluateAll((elements) => elements.map((row) => [row.querySelector("dt")?.textContent, row.querySelector("dd")?.textContent]));
      expect(rows).toEqual([
        ["조사 의뢰자", TYPED.sponsor],
        ["조사기관", TYPED.pollster],
        ["조사 지역", TYPED.area],
        ["조사 일시", TYPED.fieldDates],
        ["조사 대상", TYPED.population],
        ["조사 방법", TYPED.method],
        ["표본 크기", TYPED.sampleSize],
        ["피조사자 선정 방법", TYPED.samplingMethod],
        ["응답률", TYPED.responseRate],
        ["가중값 산출 및 적용 방법", TYPED.weighting],
        ["표본오차", TYPED.marginOfError],
        ["질문 내용", `${TYPED.questions}\n지지하는 정당은 어디입니까?`],
      ]);
      expect(await box.textContent()).toContain("www.nesdc.go.kr");
      await box.screenshot({ path: await screenshotPath(`editor-poll-survey-box-${width}`) });
    }

    // The desk corrects the response rate in the editor: the review screen's diff shows the line.
    const deskPage = await newStaffPage(browser, DEMO_STAFF.editor.email, contexts);
    await openEditor(deskPage, `/newsroom/articles/${id}/edit`);
    await field(deskPage, "responseRate").fill("10.2%");
    await waitUntilSaved(deskPage);
    await deskPage.goto(`${baseUrl}/newsroom/articles/${id}`);
    const diff = deskPage.locator('[data-testid="review-diff"] [data-field="pollSurvey"]');
    expect(await diff.locator("h3").textContent()).toBe("선거여론조사 표기");
    expect(await diff.locator("del").allTextContents()).toEqual(["12.4"]);
    expect(await diff.locator("ins").allTextContents()).toEqual(["10.2"]);
    await diff.screenshot({ path: await screenshotPath("review-diff-poll-survey-1280") });
    // Readers keep the approved value until the desk approves the change.
    expect(await (await fetch(`${baseUrl}/articles/${id}`)).text()).not.toContain("10.2%");
  });

  it("no reader page prints a planted private story's particulars", async () => {
    const { planted, db } = planting;
    for (const [kind, id] of Object.entries(planted.ids)) {
      const marker = kind === "published" ? planted.publishedMarker : planted.markers[kind as keyof typeof planted.markers];
      const survey = { kind: "original", ...TYPED, sponsor: `${marker} 의뢰`, registered: true };
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
    seen += await (await fetch(`${baseUrl}/`)).text();
    expectNoPlantedStory(planted, seen, "the article pages and the front page");
    expect(seen).toContain(`${planted.publishedMarker} 의뢰`);
  }, 120_000);
});
