// Details of the editor and the desk that staff meet every day, each checked in a
// real Chromium against the real app: the header's byline title, 403 with a way back, "승인 전"
// instead of a made-up approval time, one word per thing and one date-time format, notices that
// follow the fields, only the transitions a person may make now, the photo library's texts kept
// and pre-filled, the conflict screen opened at the first difference, and a readable security log.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_STAFF } from "@/lib/seed/demo-newsroom";
import { query } from "../support/app-database";
import { browserTestsEnabled, launchBrowser, screenshotPath } from "../support/browser";
import { baseUrl, openEditor, waitUntilSaved } from "../support/editor-e2e";
import { eventually, signInStaff, staffContext } from "../support/newsroom-phone";
import { createDraft, createSubmittedStory, paragraphs, staffApi, STORY_TEXT } from "../support/newsroom-stories";

// Today's newsroom formats: "2026-12-07 09:11" and, where 기사승인 is printed, with seconds.
const OTHER_DATE_FORMATS = [/오전|오후/, /\d{4}\. \d{1,2}\. \d{1,2}\./, /(^|[^\d-])\d{1,2}\. \d{1,2}\. \d{2}:\d{2}/];

describe.skipIf(!browserTestsEnabled)("the desk and the editor, details staff rely on", () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let folder: string;
  let intern: Page;
  let editor: Page;

  const photoFile = async (name: string, green: number) => {
    const file = path.join(folder, name);
    await sharp({ create: { width: 900, height: 600, channels: 3, background: { r: 20, g: green, b: Math.floor(Math.random() * 255) } } })
      .png()
      .toFile(file);
    return file;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    folder = await mkdtemp(path.join(tmpdir(), "desk-details-"));
    intern = await signInStaff(await staffContext(browser, "desktop", contexts), DEMO_STAFF.intern.email);
    editor = await signInStaff(await staffContext(browser, "desktop", contexts), DEMO_STAFF.editor.email);
  });
  afterAll(async () => {
    await browser?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it("the header shows the byline title, and the permission only where it says something", async () => {
    expect(await intern.textContent('[data-testid="signed-in-as"]')).toBe("최하은 인턴기자");
    expect(await editor.textContent('[data-testid="signed-in-as"]')).toBe("박서연 선임기자 · 데스크");
    expect(await intern.locator('a[href="/newsroom/help"]', { hasText: "도움말" }).count()).toBe(1);
  });

  it("the newsroom guide is served to staff from the header's 도움말, in Korean", async () => {
    await intern.goto(`${baseUrl}/newsroom/help`);
    const guide = await intern.textContent('[data-testid="newsroom-guide"]');
    for (const topic of ["데스크에 넘기기", "회수", "돌려보내기", "승인", "예약 발행", "정정", "반론", "게재 중단", "댓글"]) expect(guide).toContain(topic);
    const anonymous = await fetch(`${baseUrl}/newsroom/help`, { redirect: "manual" });
    expect(anonymous.status).toBe(307);
  });

  it("a reporter opening a colleague's draft or the staff pages gets 403 with a link back", async () => {
    const reporter = await signInStaff(await staffContext(browser, "desktop", contexts), DEMO_STAFF.reporter.email);
    const theirs = await createDraft(reporter, `동료의 초고 ${Date.now().toString(36)}`);
    for (const address of [`/newsroom/articles/${theirs}`, `/newsroom/articles/${theirs}/edit`, `/newsroom/articles/${theirs}/preview`, "/newsroom/staff", "/newsroom/audit"]) {
      const response = await intern.goto(`${baseUrl}${address}`);
      expect(response?.status(), address).toBe(403);
      const notice = intern.locator('[data-testid="newsroom-forbidden"]');
      expect(await notice.textContent(), address).toContain("권한이 없습니다");
      expect(await notice.locator('a[href="/newsroom"]').count(), address).toBe(1);
    }
    await intern.screenshot({ path: await screenshotPath("newsroom-forbidden") });
    await intern.locator('[data-testid="newsroom-forbidden"] a[href="/newsroom"]').click();
    await intern.waitForURL(`${baseUrl}/newsroom`);
  });

  it("preview and review say 승인 전 for a story nobody approved, never a made-up time; one word per thing; one date-time format", async () => {
    const id = await createSubmittedStory(intern, `승인 전 기사 ${Date.now().toString(36)}`);
    await editor.goto(`${baseUrl}/newsroom/articles/${id}`);
    const times = await editor.textContent('[data-testid="review-preview"] .article__times');
    expect(times).toContain("기사승인 : 승인 전");
    expect(times).not.toMatch(/기사승인 : \d/);
    const review = (await editor.textContent("main")) ?? "";
    expect(review, "the save counter is not called 판").not.toMatch(/판 \d/);
    for (const format of OTHER_DATE_FORMATS) expect(review).not.toMatch(format);
    expect(review).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await intern.goto(`${baseUrl}/newsroom/articles/${id}/preview`);
    expect(await intern.textContent(".article__times")).toContain("기사승인 : 승인 전");

    // The editor's history panel and the desk's history use the same words and format.
    await openEditor(editor, `/newsroom/articles/${id}/edit`);
    await editor.locator("button", { hasText: "기록" }).click();
    const panel = editor.locator('[data-testid="history-panel"]');
    await eventually(() => panel.locator("li").count()).toBeGreaterThan(0);
    const history = (await panel.textContent()) ?? "";
    for (const format of OTHER_DATE_FORMATS) expect(history).not.toMatch(format);
    expect(history).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(history).toContain("번 판");
  });

  it("submission problems and the photo's missing credit and alt text follow the fields and go when satisfied", async () => {
    await openEditor(intern, "/newsroom/articles/new");
    await intern.fill('input[name="headline"]', `고칠 것이 사라지는 기사 ${Date.now().toString(36)}`);
    await intern.locator('[data-testid="editor-body"]').click();
    await intern.keyboard.type("짧은 글.");
    await intern.click('[data-command="image"]');
    await intern.setInputFiles('[data-testid="media-upload-input"]', await photoFile("problems.png", 120));
    const figure = intern.locator('[data-testid="editor-figure"]');
    await figure.waitFor();
    await figure.getByLabel("사진 출처 (필수)").fill("");
    await figure.getByLabel("대체 텍스트 (필수)").fill("");
    await intern.locator("button", { hasText: "데스크에 넘기기" }).click();
    const notice = intern.locator('[data-testid="submission-problems"]');
    await eventually(() => notice.textContent()).toContain("섹션을 고르지 않았습니다.");
    const text = (await notice.textContent()) ?? "";
    expect(text).toContain("본문이 너무 짧습니다");
    expect(text).toContain("본문 사진 1: 대체 텍스트, 사진 출처가 없습니다.");
    expect(text).not.toContain("(가)");
    await intern.screenshot({ path: await screenshotPath("editor-submission-problems") });

    await intern.selectOption('select[name="section"]', { label: "사회" });
    await eventually(() => notice.textContent()).not.toContain("섹션을 고르지 않았습니다.");
    await figure.getByLabel("사진 출처 (필수)").fill("사진=누리일보 최하은 인턴기자");
    await eventually(() => notice.textContent()).toContain("본문 사진 1: 대체 텍스트가 없습니다.");
    await figure.getByLabel("대체 텍스트 (필수)").fill("시청 앞 광장");
    await eventually(() => notice.textContent()).not.toContain("본문 사진 1");
    await intern.locator('[data-testid="editor-body"] p').first().click();
    await intern.keyboard.press("End");
    await intern.keyboard.insertText(` ${STORY_TEXT}`);
    await eventually(() => notice.textContent()).not.toContain("본문이 너무 짧습니다");
    // The origin is the last thing missing, said in the list and at the field.
    expect(await notice.textContent()).toContain("출처 유형(자체 취재, 통신, 보도자료, 기고·칼럼, 외부 제공)을 고르지 않았습니다.");
    expect(await intern.locator('[data-testid="story-origin-problem"]').count()).toBe(1);
    await intern.locator('[data-testid="story-origin"]').getByLabel("자체 취재").check();
    await eventually(() => notice.count()).toBe(0);
    expect(await intern.locator('[data-testid="story-origin-problem"]').count()).toBe(0);
  });

  it("after the desk returns a story, only the reporter is offered 데스크에 넘기기", async () => {
    const id = await createSubmittedStory(intern, `돌려보낸 기사 ${Date.now().toString(36)}`);
    await staffApi(editor, "POST", `/api/v1/articles/${id}/return`, { note: "출처를 하나 더 확인해 주세요." });
    await editor.goto(`${baseUrl}/newsroom/articles/${id}`);
    await eventually(() => editor.textContent('[data-testid="article-status"]')).toBe("작성 중");
    expect(await editor.locator('[data-action="submit"]').count()).toBe(0);
    await openEditor(editor, `/newsroom/articles/${id}/edit`);
    expect(await editor.locator(".editor-bar button", { hasText: "데스크에 넘기기" }).count()).toBe(0);
    await intern.goto(`${baseUrl}/newsroom/articles/${id}`);
    expect(await intern.locator('[data-action="submit"]').count()).toBe(1);
  });

  it("the photo library keeps the caption, credit and alt text typed in a story, pre-fills them, and a story may override them", async () => {
    // The intern uploads a photo in a story and describes it there.
    await openEditor(intern, "/newsroom/articles/new");
    await intern.fill('input[name="headline"]', `사진을 처음 쓴 기사 ${Date.now().toString(36)}`);
    await intern.locator('[data-testid="editor-body"]').click();
    await intern.keyboard.type("사진 아래 글.");
    await intern.click('[data-command="image"]');
    await intern.setInputFiles('[data-testid="media-upload-input"]', await photoFile("library.png", 200));
    const figure = intern.locator('[data-testid="editor-figure"]');
    await figure.waitFor();
    const mediaId = await figure.getAttribute("data-media-id");
    await figure.getByLabel("사진 설명").fill("새로 문을 연 시립도서관 열람실");
    await figure.getByLabel("사진 출처 (필수)").fill("사진=누리일보 최하은 인턴기자");
    await figure.getByLabel("대체 텍스트 (필수)").fill("책상이 줄지어 놓인 열람실");
    await intern.click('[data-testid="save-button"]');
    // The library remembers them once the explicit save has reached the server (an autosave may
    // have said "저장됨" just before it).
    const libraryTexts = async () => (await staffApi<{ media: { caption: string; credit: string; alt: string } }>(intern, "GET", `/api/v1/media/${mediaId}`)).media;
    await eventually(libraryTexts).toMatchObject({ caption: "새로 문을 연 시립도서관 열람실", credit: "사진=누리일보 최하은 인턴기자", alt: "책상이 줄지어 놓인 열람실" });

    // A colleague reuses it as a main photo: pre-filled, then overrides the caption and alt text for their story.
    const reporter = await signInStaff(await staffContext(browser, "desktop", contexts), DEMO_STAFF.reporter.email);
    await openEditor(reporter, "/newsroom/articles/new");
    await reporter.fill('input[name="headline"]', `사진을 다시 쓴 기사 ${Date.now().toString(36)}`);
    await reporter.locator("button", { hasText: "대표 사진 고르기" }).click();
    await reporter.fill(".media-picker__search input", "시립도서관 열람실");
    await reporter.locator(`.media-picker__grid button:has(img[src*="${mediaId}"]), .media-picker__grid button[title="새로 문을 연 시립도서관 열람실"]`).first().click();
    const hero = reporter.locator(".hero-photo");
    await eventually(() => hero.getByLabel("사진 설명").inputValue()).toBe("새로 문을 연 시립도서관 열람실");
    expect(await hero.getByLabel("사진 출처 (필수)").inputValue()).toBe("사진=누리일보 최하은 인턴기자");
    expect(await hero.getByLabel("대체 텍스트 (필수)").inputValue()).toBe("책상이 줄지어 놓인 열람실");
    await hero.getByLabel("사진 설명").fill("개관 첫날 열람실을 찾은 시민들");
    await hero.getByLabel("대체 텍스트 (필수)").fill("열람실 책상에 앉은 시민들");
    await reporter.click('[data-testid="save-button"]');
    await waitUntilSaved(reporter);
    const id = Number(await reporter.getAttribute('[data-testid="article-editor"]', "data-article-id"));
    const [stored] = await query<{ heroCaption: string; heroAlt: string }>(`SELECT "heroCaption", "heroAlt" FROM "Article" WHERE id = $1`, [id]);
    expect(stored).toEqual({ heroCaption: "개관 첫날 열람실을 찾은 시민들", heroAlt: "열람실 책상에 앉은 시민들" });
    // The override stays the story's own: the library keeps the first description.
    const after = await staffApi<{ media: { caption: string; alt: string } }>(reporter, "GET", `/api/v1/media/${mediaId}`);
    expect(after.media).toMatchObject({ caption: "새로 문을 연 시립도서관 열람실", alt: "책상이 줄지어 놓인 열람실" });
    await reporter.goto(`${baseUrl}/newsroom/articles/${id}/preview`);
    expect(await reporter.getAttribute(".article__figure img", "alt")).toBe("열람실 책상에 앉은 시민들");
  });

  it("in a conflict, the comparison opens at the first difference", async () => {
    const lines = Array.from({ length: 60 }, (_, index) => `${index + 1}번째 문단입니다. 시의회 예산 심사 이야기가 이어진다.`);
    const id = await createDraft(intern, `긴 기사의 충돌 ${Date.now().toString(36)}`, { body: paragraphs(...lines) });
    await openEditor(intern, `/newsroom/articles/${id}/edit`);
    // Someone else saves a change at the very end.
    const current = await staffApi<{ article: { version: number } }>(intern, "GET", `/api/v1/articles/${id}`);
    await staffApi(intern, "PATCH", `/api/v1/articles/${id}`, { version: current.article.version, body: paragraphs(...lines.slice(0, -1), "마지막 문단을 다른 곳에서 고쳤다.") });
    await intern.locator('[data-testid="editor-body"] p').last().click();
    await intern.keyboard.press("End");
    await intern.keyboard.type(" 이 탭에서 더한 말.");
    await intern.click('[data-testid="save-button"]');
    await intern.locator('[data-testid="conflict-screen"]').waitFor();
    const columns = intern.locator(".conflict-columns");
    await eventually(() => columns.locator("mark").count()).toBeGreaterThan(0);
    await eventually(() =>
      columns.evaluate((box) => {
        const mark = box.querySelector("mark");
        if (!mark) return false;
        const outer = box.getBoundingClientRect();
        const inner = mark.getBoundingClientRect();
        return inner.top >= outer.top && inner.bottom <= outer.bottom;
      }),
    ).toBe(true);
    await intern.screenshot({ path: await screenshotPath("editor-conflict-first-difference") });
  });

  it("the admins' settings are gathered under 관리: each one opens; a reporter has no 관리 and gets 403 there", async () => {
    for (const kind of ["desktop", "phone"] as const) {
      const admin = await signInStaff(await staffContext(browser, kind, contexts), DEMO_STAFF.admin.email);
      // On a phone the header's links sit in the newsroom menu.
      if (kind === "phone") await admin.locator('[data-testid="newsroom-menu-button"]').click();
      await admin.locator('[data-testid="admin-settings-link"]').first().click();
      await admin.waitForURL(`${baseUrl}/newsroom/admin`);
      const links = await admin.locator(".admin-settings a").evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).getAttribute("href") ?? ""));
      expect(links).toEqual(["/newsroom/staff", "/newsroom/audit", "/newsroom/comments/settings", "/newsroom/claims/settings", "/newsroom/elections", "/newsroom/newsletters"]);
      await admin.screenshot({ path: await screenshotPath(`newsroom-admin-settings-${kind === "phone" ? 360 : 1280}`), fullPage: true });
      if (kind === "desktop") {
        for (const href of links) expect((await admin.goto(`${baseUrl}${href}`))?.status(), href).toBe(200);
      }
    }
    expect(await intern.locator('[data-testid="admin-settings-link"]').count()).toBe(0);
    expect((await intern.goto(`${baseUrl}/newsroom/admin`))?.status()).toBe(403);
    await intern.goto(`${baseUrl}/newsroom`);
  });

  it("the security log: Korean words, people by name, readable details, one line per event, filters by person and kind", async () => {
    const admin = await signInStaff(await staffContext(browser, "desktop", contexts), DEMO_STAFF.admin.email, "/newsroom/audit");
    // An admin's header (the most links) stays one line at 1280 px.
    expect((await admin.locator(".newsroom-header").boundingBox())?.height).toBeLessThan(64);
    const table = admin.locator('[data-testid="audit-log"]');
    const text = (await table.textContent()) ?? "";
    expect(text).toContain("로그인");
    expect(text).not.toMatch(/auth\.login|article\.|staff\./);
    expect(text).not.toMatch(/[{}]/);
    expect(text).not.toMatch(/\bc[a-z0-9]{20,}\b/);
    expect(text).toContain("정민호 편집국장");
    // One line per event: every row is as tall as one line of text.
    const heights = await table.locator("tbody tr").evaluateAll((rows) => rows.map((row) => row.getBoundingClientRect().height));
    expect(Math.max(...heights)).toBeLessThan(40);
    await admin.screenshot({ path: await screenshotPath("newsroom-audit-1280") });

    await admin.selectOption('select[name="actor"]', { label: "최하은 인턴기자" });
    await admin.selectOption('select[name="kind"]', { label: "로그인·로그아웃" });
    await admin.locator('form[aria-label="보안 기록 거르기"] button[type="submit"]').click();
    await admin.waitForURL(/actor=/);
    const rows = await table.locator("tbody tr").allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toContain("최하은");
      expect(row).toMatch(/로그인|로그아웃/);
    }
  });
});
