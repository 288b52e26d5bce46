// Issue 21, the eligibility part, in a real Chromium against the real app: a story's origin
// (출처 유형) chosen in the editor and required at submission, named to the desk and credited on
// the article page; a photo's origin set in the media library; the publisher's page on a phone
// and a desk, counting only what readers can see (the shared planted stories), with the
// reviewers' CSV downloaded as a browser downloads it; the threshold set by an admin; a reporter
// shown the door.
import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_STAFF } from "@/lib/seed/demo-newsroom";
import { query } from "../support/app-database";
import { browserTestsEnabled, launchBrowser, screenshotPath } from "../support/browser";
import { baseUrl, openEditor } from "../support/editor-e2e";
import { eventually, expectUsableOnPhone, overflowPastScreen, signInStaff, staffContext } from "../support/newsroom-phone";
import { staffApi, STORY_TEXT } from "../support/newsroom-stories";
import { plantStoriesInTheApp } from "../support/planted-in-app";
import { expectNoPlantedStory } from "../support/planted-stories";

/** A CSV document as rows of cells (RFC 4180: every cell quoted, doubled quotes, CRLF). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  const pattern = /"((?:[^"]|"")*)"(,|\r\n|$)/gy;
  let row: string[] = [];
  for (let match = pattern.exec(text); match && match[0] !== ""; match = pattern.exec(text)) {
    row.push(match[1]!.replaceAll('""', '"'));
    if (match[2] !== ",") {
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

describe.skipIf(!browserTestsEnabled)("portal eligibility: origins and the publisher's page", () => {
  const planting = plantStoriesInTheApp(inject("appDatabaseUrl"));
  const run = Date.now().toString(36);
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let intern: Page;
  let editor: Page;
  let admin: Page;

  beforeAll(async () => {
    // The planted stories get origins, so that a private one counted would move the figures: all
    // 자체 취재, except the LIVE revision of the published story with a pending update (통신).
    const { db, planted } = planting;
    const ids = Object.values(planted.ids);
    await db.article.updateMany({ where: { id: { in: ids } }, data: { origin: "OWN_REPORTING" } });
    await db.articleRevision.updateMany({ where: { articleId: { in: ids } }, data: { origin: "OWN_REPORTING" } });
    await db.articleRevision.updateMany({ where: { articleId: planted.ids.pendingUpdate }, data: { origin: "WIRE", originSource: "연합뉴스" } });
    browser = await launchBrowser();
    intern = await signInStaff(await staffContext(browser, "desktop", contexts), DEMO_STAFF.intern.email);
    editor = await signInStaff(await staffContext(browser, "desktop", contexts), DEMO_STAFF.editor.email);
    admin = await signInStaff(await staffContext(browser, "desktop", contexts), DEMO_STAFF.admin.email, "/newsroom/eligibility");
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the editor asks for the origin and its agency before the desk; the desk sees it; readers see [연합뉴스]", async () => {
    await openEditor(intern, "/newsroom/articles/new");
    const headline = `통신 기사 출처 시험 ${run}`;
    await intern.fill('input[name="headline"]', headline);
    await intern.selectOption('select[name="section"]', { label: "사회" });
    await intern.locator('[data-testid="editor-body"]').click();
    await intern.keyboard.insertText(STORY_TEXT);
    const origin = intern.locator('[data-testid="story-origin"]');
    const notice = intern.locator('[data-testid="submission-problems"]');

    // Nothing chosen: the submission is held, and the list and the field say why.
    await intern.locator(".editor-bar button", { hasText: "데스크에 넘기기" }).click();
    await eventually(() => notice.textContent()).toContain("출처 유형(자체 취재, 통신, 보도자료, 기고·칼럼, 외부 제공)을 고르지 않았습니다.");
    expect(await origin.locator('[data-testid="story-origin-problem"]').count()).toBe(1);
    // 통신 without its agency: still held.
    await origin.getByLabel("통신", { exact: true }).check();
    await eventually(() => notice.textContent()).toContain("통신사를 적지 않았습니다.");
    await intern.screenshot({ path: await screenshotPath("editor-story-origin-missing") });
    await origin.locator('select[name="originAgency"]').selectOption("연합뉴스");
    await eventually(() => notice.count()).toBe(0);
    expect(await origin.locator('[data-testid="story-origin-problem"]').count()).toBe(0);

    await intern.locator(".editor-bar button", { hasText: "데스크에 넘기기" }).click();
    await intern.waitForURL(/\/newsroom\/articles\/\d+$/);
    const id = Number(intern.url().split("/").pop());
    const [stored] = await query<{ status: string; origin: string; originSource: string }>(`SELECT status, origin, "originSource" FROM "Article" WHERE id = $1`, [id]);
    expect(stored).toEqual({ status: "SUBMITTED", origin: "WIRE", originSource: "연합뉴스" });

    // The desk's review names it.
    await editor.goto(`${baseUrl}/newsroom/articles/${id}`);
    expect(await editor.textContent('[data-testid="article-origin"]')).toBe("출처: 통신 · 연합뉴스");
    const { article } = await staffApi<{ article: { version: number } }>(editor, "GET", `/api/v1/articles/${id}`);
    await staffApi(editor, "POST", `/api/v1/articles/${id}/approve`, { version: article.version });

    // Readers: the agency under the byline, as Korean papers print it.
    const reader = await (await staffContext(browser, "desktop", contexts)).newPage();
    await reader.goto(`${baseUrl}/articles/${id}`);
    await eventually(() => reader.locator('[data-testid="article-source"]').count()).toBe(1);
    expect(await reader.textContent('[data-testid="article-source"]')).toBe("[연합뉴스]");
    expect(await reader.textContent("#article-headline")).toBe(headline);
  });

  it("a photo's origin is set in the media library; a wire photo must name its agency", async () => {
    const caption = `출처 시험 사진 ${run}`;
    const png = await sharp({ create: { width: 800, height: 533, channels: 3, background: { r: 40, g: 90, b: 140 } } })
      .png()
      .toBuffer();
    const uploaded = await editor.context().request.post(`${baseUrl}/api/v1/media`, {
      headers: { origin: baseUrl },
      multipart: { file: { name: "origin.png", mimeType: "image/png", buffer: png }, caption, credit: "사진=누리일보 박서연 기자", alt: "시청 앞 광장" },
    });
    expect(uploaded.status()).toBe(201);
    const { media } = (await uploaded.json()) as { media: { id: string; origin: string | null } };
    // A credit that names no agency leaves the origin unrecorded.
    expect(media.origin).toBeNull();

    await editor.goto(`${baseUrl}/newsroom/media?q=${encodeURIComponent(caption)}`);
    const card = editor.locator('[data-testid="media-card"]', { hasText: caption });
    expect(await card.locator('[data-testid="media-origin"]').textContent()).toBe("출처 유형: 미기록");
    await card.locator("button", { hasText: "고치기" }).click();
    await card.locator('select[name="origin"]').selectOption({ label: "통신" });
    await card.locator("button", { hasText: "저장" }).click();
    await eventually(() => card.locator('[role="alert"]').textContent()).toBe("통신 사진은 통신사를 적어야 합니다.");
    await card.locator('input[name="originSource"]').fill("연합뉴스");
    await card.locator("button", { hasText: "저장" }).click();
    await eventually(() => card.locator('[data-testid="media-origin"]').textContent()).toBe("출처 유형: 통신 · 연합뉴스");
    const [row] = await query<{ origin: string; originSource: string }>(`SELECT origin, "originSource" FROM "Media" WHERE id = $1`, [media.id]);
    expect(row).toEqual({ origin: "WIRE", originSource: "연합뉴스" });
  });

  it("the publisher's page on a phone: usable at 360 px, and the planted private stories never counted", async () => {
    const { planted } = planting;
    const phone = await signInStaff(await staffContext(browser, "phone", contexts), DEMO_STAFF.editor.email, "/newsroom/eligibility");
    expect(await phone.textContent("h1")).toBe("자체 기사 비율 · 제휴 심사 자료");
    await expectUsableOnPhone(phone, "eligibility");
    await phone.screenshot({ path: await screenshotPath("newsroom-eligibility-360"), fullPage: true });

    // The planted section and reporter: the public control (자체 취재) and the published story whose
    // live revision is 통신; the draft, the submitted, the scheduled and the withdrawn one are not there.
    for (const row of [phone.locator(`[data-testid="by-section"] tr[data-key="${planted.sectionId}"]`), phone.locator(`[data-testid="by-reporter"] tr[data-key="${planted.authorId}"]`)]) {
      const cells = await row.locator("td").allTextContents();
      expect(cells).toEqual(["50% (1/2건)", "50% (1/2건)", "50% (1/2건)"]);
    }
    expectNoPlantedStory(planted, await phone.content(), "the publisher's page");
  });

  it("on a desk: the reviewers' CSV downloads with the BOM, a header and the public stories only", async () => {
    const { planted } = planting;
    await admin.goto(`${baseUrl}/newsroom/eligibility`);
    expect(await overflowPastScreen(admin, 1280)).toBe(0);
    expect(await admin.locator('[data-testid="eligibility-link"]').count()).toBe(1);
    await admin.screenshot({ path: await screenshotPath("newsroom-eligibility-1280"), fullPage: true });

    const [download] = await Promise.all([admin.waitForEvent("download"), admin.locator('[data-testid="csv-download"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^누리일보-기사목록-\d{4}-\d{2}_\d{4}-\d{2}\.csv$/);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString("utf8");
    expectNoPlantedStory(planted, text, "the CSV");
    const [header, ...rows] = csvRows(text);
    expect(header).toEqual(["기사 주소", "제목", "기자", "입력 (KST)", "수정 (KST)", "섹션", "출처 유형", "출처 (통신사·보도자료 낸 곳·제공처)"]);
    const plantedRows = rows.filter((row) => row[5] === `심은섹션${planted.sectionSlug.replace(/^planted-/, "")}`);
    expect(plantedRows.map((row) => row[6]).sort()).toEqual(["자체 취재", "통신"]);
    for (const row of plantedRows) expect(row[0]).toMatch(new RegExp(`^${baseUrl.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/articles/(${planted.ids.published}|${planted.ids.pendingUpdate})/`));
    // The demo's wire stories are there with their agencies.
    expect(rows.some((row) => row[6] === "통신" && row[7] === "연합뉴스")).toBe(true);

    const response = await admin.context().request.get(`${baseUrl}/newsroom/eligibility/stories.csv`);
    expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers()["content-disposition"]).toContain("filename*=UTF-8''%EB%88%84%EB%A6%AC%EC%9D%BC%EB%B3%B4");
    expect(response.headers()["cache-control"]).toBe("private, no-store");
  });

  it("an admin sets the threshold on the page; the verdicts follow it", async () => {
    await admin.goto(`${baseUrl}/newsroom/eligibility`);
    const input = admin.locator('input[name="ownReportingThresholdPercent"]');
    try {
      await input.fill("95");
      await admin.locator("button", { hasText: "기준 저장" }).click();
      await eventually(() => admin.textContent('[data-testid="threshold"]')).toBe("95%");
      // The planted section's 50% is now short of the line.
      const row = admin.locator(`[data-testid="by-section"] tr[data-key="${planting.planted.sectionId}"]`);
      await eventually(() => row.locator(".share-cell__percent--below").count()).toBe(3);
      // Said in a word, not by the colour alone.
      expect(await row.locator("td").allTextContents()).toEqual(["50% 미달 (1/2건)", "50% 미달 (1/2건)", "50% 미달 (1/2건)"]);
    } finally {
      await input.fill("30");
      await admin.locator("button", { hasText: "기준 저장" }).click();
      await eventually(() => admin.textContent('[data-testid="threshold"]')).toBe("30%");
    }
  });

  it("a reporter gets the 403 page and no CSV, and no menu link", async () => {
    const reporter = await signInStaff(await staffContext(browser, "desktop", contexts), DEMO_STAFF.reporter.email);
    expect(await reporter.locator('[data-testid="eligibility-link"]').count()).toBe(0);
    const page = await reporter.goto(`${baseUrl}/newsroom/eligibility`);
    expect(page?.status()).toBe(403);
    expect(await reporter.textContent('[data-testid="newsroom-forbidden"] h1')).toBe("이 화면을 볼 권한이 없습니다");
    const csv = await reporter.context().request.get(`${baseUrl}/newsroom/eligibility/stories.csv`);
    expect(csv.status()).toBe(403);
    const body = (await csv.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("FORBIDDEN");
    expect(body.error.message).toMatch(/[가-힣]/);
  });
});
