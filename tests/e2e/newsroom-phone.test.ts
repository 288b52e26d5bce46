// The newsroom on a 360x800 phone, as the desk approves at night: the dashboard with a compact
// header and its menu, the queue as cards, the review screen with its actions within a thumb's
// reach, the editor (Hangul through the IME, a photo from the phone's album, submitting) and
// comment moderation. Every screen: no wider than the screen (the page's scrollWidth), tap
// targets at least 24x24 CSS px (WCAG 2.2 AA), axe-core clean. Screenshots at 360 and 1280 px
// are kept in test-results/screenshots/ (newsroom-*-360.png, newsroom-*-1280.png).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_STAFF } from "@/lib/seed/demo-newsroom";
import { query } from "../support/app-database";
import { browserTestsEnabled, launchBrowser, screenshotPath } from "../support/browser";
import { Ime, typeHangul } from "../support/editor-e2e";
import { eventually, expectUsableOnPhone, isOnScreen, overflowPastScreen, PHONE, signInStaff, staffContext } from "../support/newsroom-phone";
import { createSubmittedStory, plantComments, staffApi } from "../support/newsroom-stories";

describe.skipIf(!browserTestsEnabled)("the newsroom on a 360 px phone", () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let folder: string;
  let photo: string;
  let intern: Page;
  let storyId: number;
  let headline: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    folder = await mkdtemp(path.join(tmpdir(), "newsroom-phone-"));
    photo = path.join(folder, "from-the-album.jpg");
    await sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 200, g: 90 + Math.floor(Math.random() * 120), b: 40 } } })
      .jpeg()
      .toFile(photo);
    // A long headline, as the desk's queue gets them: it must not break one syllable per line.
    headline = `구도심 골목 상권 살리기, 빈 점포 임대료 절반 지원 시범 사업 ${Date.now().toString(36)}`;
    intern = await signInStaff(await staffContext(browser, "desktop", contexts), DEMO_STAFF.intern.email);
    storyId = await createSubmittedStory(intern, headline);
  });
  afterAll(async () => {
    await browser?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it("the dashboard: a compact header whose menu opens on a tap, and nothing wider than the screen", async () => {
    const page = await signInStaff(await staffContext(browser, "phone", contexts), DEMO_STAFF.editor.email);
    const header = await page.locator(".newsroom-header").boundingBox();
    expect(header?.height, "the header's height at 360 px").toBeLessThanOrEqual(64);
    const menu = page.locator('[data-testid="newsroom-menu-button"]');
    expect(await menu.isVisible()).toBe(true);
    expect(await page.locator("#newsroom-nav").isVisible()).toBe(false);
    await expectUsableOnPhone(page, "desk dashboard");
    await page.screenshot({ path: await screenshotPath("newsroom-dashboard-360") });
    await menu.tap();
    await eventually(() => page.locator("#newsroom-nav").isVisible()).toBe(true);
    expect(await menu.getAttribute("aria-expanded")).toBe("true");
    expect(await page.locator("#newsroom-nav a").allTextContents()).toEqual(expect.arrayContaining(["사진 보관함", "댓글 관리", "도움말"]));
    await expectUsableOnPhone(page, "desk dashboard, menu open");
    await page.screenshot({ path: await screenshotPath("newsroom-menu-open-360") });

    const reporter = await signInStaff(await staffContext(browser, "phone", contexts), DEMO_STAFF.intern.email);
    await expectUsableOnPhone(reporter, "reporter dashboard");
    await reporter.screenshot({ path: await screenshotPath("newsroom-reporter-dashboard-360"), fullPage: true });
  });

  it("the desk queue as cards: headline on its own lines, kind, wait, reporter, section, length, photos", async () => {
    const page = await signInStaff(await staffContext(browser, "phone", contexts), DEMO_STAFF.editor.email);
    const card = page.locator(`[data-testid="desk-queue"] [data-article-id="${storyId}"]`);
    await card.waitFor();
    const link = await card.locator("a").first().boundingBox();
    expect(link?.width, "the headline's width in the card").toBeGreaterThan(PHONE.width * 0.6);
    const box = await card.boundingBox();
    expect(box?.width).toBeGreaterThan(PHONE.width - 60);
    expect(box && box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    // Each fact carries its label on the card (the table's header row is not shown).
    const labels = await card.locator("[data-label]").evaluateAll((cells) => cells.map((cell) => getComputedStyle(cell, "::before").content));
    expect(labels).toEqual(['"종류"', '"기다린 시간"', '"기자"', '"섹션"', '"분량"', '"사진 정보"']);
    expect(await card.textContent()).toContain("최하은 인턴기자");
    await expectUsableOnPhone(page, "desk queue");
    await page.locator('[data-testid="desk-queue"]').screenshot({ path: await screenshotPath("newsroom-queue-360") });
    // The story list below the same breakpoint.
    await page.goto(`${page.url().replace(/\/newsroom.*$/, "")}/newsroom/articles`);
    await expectUsableOnPhone(page, "story list");
    await page.screenshot({ path: await screenshotPath("newsroom-story-list-360") });
  });

  it("review and approve: the story readable, the desk's actions in a bar within a thumb's reach", async () => {
    const page = await signInStaff(await staffContext(browser, "phone", contexts), DEMO_STAFF.editor.email, `/newsroom/articles/${storyId}`);
    const bar = page.locator('[data-testid="review-thumb-bar"]');
    expect(await bar.isVisible()).toBe(true);
    const barBox = await bar.boundingBox();
    expect(barBox && barBox.y, "the bar sits in the bottom quarter of the screen").toBeGreaterThan(PHONE.height * 0.75);
    expect(await bar.locator("a").allTextContents()).toEqual(["돌려보내기", "승인", "예약"]);
    await expectUsableOnPhone(page, "review");
    await page.screenshot({ path: await screenshotPath("newsroom-review-360") });
    await page.screenshot({ path: await screenshotPath("newsroom-review-360-full"), fullPage: true });
    await bar.locator("a", { hasText: "승인" }).tap();
    await eventually(() => isOnScreen(page, '[data-action="approve"] button[type="submit"]')).toBe(true);
    await page.locator('[data-action="approve"] button[type="submit"]').tap();
    await eventually(() => page.textContent('[data-testid="article-status"]')).toBe("발행됨");
    await expectUsableOnPhone(page, "review after approval");
    // Leave the shared front page as other test files expect it.
    await staffApi(page, "POST", `/api/v1/articles/${storyId}/unpublish`, { reason: "시험 정리" });
  });

  it("the editor: Hangul through the IME, a photo from the phone's album, the counts in view, submitted, then withdrawn (회수)", async () => {
    const page = await signInStaff(await staffContext(browser, "phone", contexts), DEMO_STAFF.intern.email, "/newsroom/articles/new");
    await page.waitForSelector('[data-testid="editor-body"][contenteditable="true"]');
    await expectUsableOnPhone(page, "editor, empty");
    // Every field fits the screen.
    const rights = await page.locator(".editor-main input, .editor-main select, .editor-main textarea, .editor-body-frame").evaluateAll((fields) => fields.map((field) => Math.round(field.getBoundingClientRect().right)));
    expect(Math.max(...rights)).toBeLessThanOrEqual(PHONE.width);
    // The toolbar scrolls sideways or wraps: either way no button lies past the screen's edge unreachable.
    const toolbar = await page.locator(".editor-toolbar").evaluate((bar) => ({ scrolls: getComputedStyle(bar).overflowX === "auto" || getComputedStyle(bar).overflowX === "scroll", right: bar.getBoundingClientRect().right }));
    expect(toolbar.right).toBeLessThanOrEqual(PHONE.width);
    expect(toolbar.scrolls || (await overflowPastScreen(page, PHONE.width)) === 0).toBe(true);

    await page.fill('input[name="headline"]', `휴대폰으로 쓴 기사 ${Date.now().toString(36)}`);
    await page.selectOption('select[name="section"]', { label: "사회" });
    await page.locator('[data-testid="story-origin"]').getByLabel("자체 취재").tap();
    await page.locator('[data-testid="editor-body"]').tap();
    const ime = await Ime.attach(page);
    await typeHangul(ime, "한국어");
    await page.keyboard.insertText(` 기사를 휴대폰에서 씁니다. ${"시민들은 새 버스 노선이 출퇴근길을 바꿨다고 말했다. ".repeat(4)}`);
    await typeHangul(ime, "한글");
    await eventually(() => page.locator('[data-testid="editor-body"]').textContent()).toMatch(/^한국어 기사를 휴대폰에서 씁니다\..*한글$/);
    // The save status and the counts stay in view while writing far down the story.
    await eventually(() => isOnScreen(page, '[data-testid="save-status"]')).toBe(true);
    await eventually(() => isOnScreen(page, '[data-testid="word-count"]')).toBe(true);
    await expect.poll(() => page.getAttribute('[data-testid="save-status"]', "data-status"), { timeout: 20_000 }).toBe("saved");

    // The hero photo, from the phone's album (a file input that offers the album and the camera).
    await page.locator("button", { hasText: "대표 사진 고르기" }).tap();
    const input = page.locator('[data-testid="media-upload-input"]');
    expect(await input.getAttribute("accept")).toMatch(/image\//);
    expect(await input.getAttribute("capture")).toBeNull();
    await expectUsableOnPhone(page, "photo picker");
    await page.screenshot({ path: await screenshotPath("newsroom-photo-picker-360") });
    await input.setInputFiles(photo);
    await page.locator(".hero-photo__chosen img").waitFor();
    await page.getByLabel("사진 설명").first().fill("새 노선 버스를 기다리는 시민들");
    await page.getByLabel("사진 출처 (필수)").first().fill("사진=누리일보 최하은 인턴기자");
    await page.getByLabel("대체 텍스트 (필수)").first().fill("정류장에서 버스를 기다리는 사람들");
    await page.evaluate(() => window.scrollTo(0, 0));
    await expectUsableOnPhone(page, "editor, written");
    await page.screenshot({ path: await screenshotPath("newsroom-editor-360") });
    await page.screenshot({ path: await screenshotPath("newsroom-editor-360-full"), fullPage: true });

    await page.locator("button", { hasText: "데스크에 넘기기" }).tap();
    await page.waitForURL(/\/newsroom\/articles\/\d+$/);
    await eventually(() => page.textContent('[data-testid="article-status"]')).toBe("데스크 검토 중");
    const id = Number(page.url().split("/").pop());
    const [stored] = await query<{ bodyText: string; heroImageId: string | null }>(`SELECT "bodyText", "heroImageId" FROM "Article" WHERE id = $1`, [id]);
    expect(stored?.bodyText).toMatch(/^한국어 기사를 휴대폰에서 씁니다\./);
    expect(stored?.bodyText.endsWith("한글")).toBe(true);
    expect(stored?.heroImageId).not.toBeNull();

    // 회수: before the desk approves it, the reporter takes it back from the thumb bar.
    const bar = page.locator('[data-testid="review-thumb-bar"]');
    expect(await bar.locator("a").allTextContents()).toEqual(["회수"]);
    await bar.locator("a", { hasText: "회수" }).tap();
    await eventually(() => isOnScreen(page, '[data-action="withdraw"] button[type="submit"]')).toBe(true);
    await expectUsableOnPhone(page, "review, withdraw");
    page.once("dialog", (dialog) => void dialog.accept());
    await page.locator('[data-action="withdraw"] button[type="submit"]').tap();
    await eventually(() => page.textContent('[data-testid="article-status"]')).toBe("작성 중");
    expect(await query<{ kind: string }>(`SELECT kind FROM "ArticleTransition" WHERE "articleId" = $1 ORDER BY "createdAt"`, [id])).toEqual([{ kind: "SUBMIT" }, { kind: "WITHDRAW" }]);
  });

  it("comment moderation: the queue as cards, a comment hidden with a tap", async () => {
    const [comment] = await plantComments(storyId, [{ body: "출퇴근길이 정말 편해졌어요. 배차 간격만 조금 더 줄여 주세요." }, { body: "신고가 쌓인 댓글입니다.", reports: 3 }]);
    const page = await signInStaff(await staffContext(browser, "phone", contexts), DEMO_STAFF.editor.email, `/newsroom/comments?view=recent&articleId=${storyId}`);
    const card = page.locator(`[data-comment-id="${comment}"]`);
    await card.waitFor();
    const box = await card.boundingBox();
    expect(box?.width).toBeGreaterThan(PHONE.width - 60);
    await expectUsableOnPhone(page, "comment moderation");
    await page.screenshot({ path: await screenshotPath("newsroom-comments-360"), fullPage: true });
    page.once("dialog", (dialog) => void dialog.accept());
    await card.locator("button", { hasText: "숨기기" }).tap();
    await eventually(() => card.textContent()).toContain("숨김");
    await expectUsableOnPhone(page, "comment moderation after hiding");
  });

  it("the same screens at 1280 px: no overflow, the header's menu laid out in full, screenshots kept", async () => {
    const context = await staffContext(browser, "desktop", contexts);
    const page = await signInStaff(context, DEMO_STAFF.editor.email);
    const base = page.url().replace(/\/newsroom.*$/, "");
    expect(await page.locator('[data-testid="newsroom-menu-button"]').isVisible()).toBe(false);
    expect(await page.locator("#newsroom-nav").isVisible()).toBe(true);
    const queued = await createSubmittedStory(intern, `데스크 화면 시험 ${Date.now().toString(36)}`);
    await page.reload();
    expect(await overflowPastScreen(page, 1280)).toBe(0);
    await page.screenshot({ path: await screenshotPath("newsroom-dashboard-1280"), fullPage: true });
    await page.locator('[data-testid="desk-queue"]').screenshot({ path: await screenshotPath("newsroom-queue-1280") });
    await page.goto(`${base}/newsroom/articles/${queued}`);
    expect(await page.locator('[data-testid="review-thumb-bar"]').isVisible()).toBe(false);
    expect(await overflowPastScreen(page, 1280)).toBe(0);
    await page.screenshot({ path: await screenshotPath("newsroom-review-1280"), fullPage: true });
    const writer = await signInStaff(await staffContext(browser, "desktop", contexts), DEMO_STAFF.intern.email, "/newsroom/articles/new");
    await writer.waitForSelector('[data-testid="editor-body"][contenteditable="true"]');
    expect(await overflowPastScreen(writer, 1280)).toBe(0);
    await writer.screenshot({ path: await screenshotPath("newsroom-editor-1280"), fullPage: true });
    await staffApi(page, "POST", `/api/v1/articles/${queued}/return`, { note: "시험 정리" });
  });
});
