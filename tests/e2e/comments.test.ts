// Readers' comments in a real Chromium against the real app: a guest comments and sees the count
// rise; the 251st character cannot be entered (typing, pasting, and a Korean IME composition
// driven through the DevTools protocol); a comment made of an XSS payload shows as text and runs
// nothing; the desk hides a comment in /newsroom/comments; an admin tries the blocked-word list.
// Each test has a story of its own and waits for what the page shows, never for a time: they run
// in any order, alone, on a loaded machine.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { query } from "../support/app-database";
import { liftFloodRules, restoreFloodRules } from "../support/comment-flood-rules";
import { inChromium, launchBrowser, screenshotPath } from "../support/browser";
import { pixelsPaintedOutside } from "../support/paint-outside";
import { createPublishedStoryInApp } from "../support/published-story-in-app";

const baseUrl = inject("appBaseUrl");
const databaseUrl = inject("appDatabaseUrl");
const password = inject("demoPassword");


/** A published story of this file's own, so other browser tests cannot change it under us. */
const createStory = (headline: string) => createPublishedStoryInApp(databaseUrl, headline);

const graphemes = (text: string) => [...new Intl.Segmenter("ko", { granularity: "grapheme" }).segment(text)].length;

/** A comment posted through the public API (as a reader's browser does); its id. */
async function postComment(storyId: number, nickname: string, body: string): Promise<number> {
  const response = await fetch(`${baseUrl}/api/v1/articles/${storyId}/comments`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ nickname, password: "1234", body }),
  });
  if (response.status !== 201) throw new Error(`the comment was not posted: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { comment: { id: number } }).comment.id;
}

/** The story's page with its comment box ready: hydrated, and its list loaded (the count shows). */
async function openStory(page: Page, storyId: number, hash = "") {
  await page.goto(`${baseUrl}/articles/${storyId}${hash}`);
  await expect.poll(() => page.locator('[data-testid="comment-total"]').textContent()).not.toBe("-");
}

async function signIn(page: Page, email: string, next: string) {
  await page.goto(`${baseUrl}${next}`);
  await page.waitForURL(/\/login\?/);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await page.click('button[type="submit"]');
  await page.waitForURL(`${baseUrl}${next}`);
}

describe("reader comments in Chromium", inChromium, () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const newPage = async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: "ko-KR" });
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    return context.newPage();
  };

  beforeAll(async () => {
    await liftFloodRules();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await restoreFloodRules();
  });

  it("a guest comments under a story, sees it appear and the count rise", async () => {
    const storyId = await createStory("구청, 골목 쓰레기 무단투기 단속 강화");
    const page = await newPage();
    await openStory(page, storyId);
    const island = page.locator('[data-testid="comments-island"]');
    expect(await island.locator('[data-testid="comment-total"]').textContent()).toBe("0");
    expect(await page.locator("#comments-heading").textContent()).toBe("뉴스댓글");
    expect(await island.textContent()).toContain("띄어쓰기를 포함하여 250자 이내로 써주세요");

    await page.fill('input[name="nickname"]', "골목지킴이");
    await page.fill('input[name="password"]', "4321");
    const text = "단속도 좋지만 분리수거함부터 늘려 주세요.\n밤에는 가로등도 어둡습니다.";
    await page.fill('textarea[name="body"]', text);
    await expect.poll(() => page.locator('[data-testid="comment-count"]').textContent()).toBe(String(graphemes(text)));
    await page.click('button:has-text("등록")');
    await expect.poll(() => island.locator(".comment__body").first().textContent()).toBe("단속도 좋지만 분리수거함부터 늘려 주세요.밤에는 가로등도 어둡습니다.");
    expect(await island.locator(".comment__body").first().innerHTML()).toContain("<br>");
    await expect.poll(() => island.locator('[data-testid="comment-total"]').textContent()).toBe("1");
    expect(await island.locator(".comment__nickname").first().textContent()).toBe("골목지킴이");
    expect(await island.locator(".comment__tag").first().textContent()).toMatch(/^\([0-9a-z]{5}\)$/);
    await expect.poll(() => page.locator('textarea[name="body"]').inputValue()).toBe("");

    // The page's own HTML carries no comment (the article stays cacheable); the island fetched it.
    const html = await (await fetch(`${baseUrl}/articles/${storyId}`)).text();
    expect(html).not.toContain("분리수거함부터");
    expect(html).toContain('id="comments"');

    // A second reader's 공감 counts once.
    const other = await newPage();
    await openStory(other, storyId, "#comments");
    await other.locator(".comment__like").first().click();
    await expect.poll(() => other.locator(".comment__like span").first().textContent()).toBe("0");
    // Same source as the writer here (127.0.0.1): liking one's own comment is refused, politely.
    await expect.poll(() => other.locator(".comment__message").first().textContent()).toContain("내 댓글에는 공감할 수 없습니다");
    await page.screenshot({ path: await screenshotPath("comments-posted"), fullPage: true });
  });

  it("the 251st character cannot be entered: typing, pasting, or composing Hangul with an IME", async () => {
    const storyId = await createStory("시의회, 골목 가로등 교체 예산 통과");
    const page = await newPage();
    await openStory(page, storyId);
    const box = page.locator('textarea[name="body"]');
    const counter = page.locator('[data-testid="comment-count"]');
    await box.fill("가".repeat(250));
    await expect.poll(() => counter.textContent()).toBe("250");
    await box.press("End");
    await page.keyboard.type("나");
    expect(graphemes(await box.inputValue())).toBe(250);
    expect(await box.inputValue()).toBe("가".repeat(250));

    // Pasting 3 characters into room for 1 keeps the first one.
    await box.fill("가".repeat(249));
    await box.press("End");
    await page.keyboard.insertText("나다라");
    expect(await box.inputValue()).toBe(`${"가".repeat(249)}나`);

    // Emoji with skin tones count once each.
    await box.fill("👍🏽".repeat(249));
    await box.press("End");
    await page.keyboard.insertText("👩‍💻👍🏽");
    expect(graphemes(await box.inputValue())).toBe(250);
    await expect.poll(() => counter.textContent()).toBe("250");

    // A Korean IME: ㅎ -> 하 -> 한, then committed. At 249 the syllable fits and is never cut
    // while it is being composed.
    const cdp = await page.context().newCDPSession(page);
    const compose = async (steps: string[]) => {
      for (const step of steps) await cdp.send("Input.imeSetComposition", { text: step, selectionStart: step.length, selectionEnd: step.length });
      await cdp.send("Input.insertText", { text: steps.at(-1) ?? "" });
    };
    await box.fill("가".repeat(249));
    await box.press("End");
    await cdp.send("Input.imeSetComposition", { text: "ㅎ", selectionStart: 1, selectionEnd: 1 });
    await cdp.send("Input.imeSetComposition", { text: "하", selectionStart: 1, selectionEnd: 1 });
    expect(await box.inputValue()).toBe(`${"가".repeat(249)}하`);
    await cdp.send("Input.imeSetComposition", { text: "한", selectionStart: 1, selectionEnd: 1 });
    await cdp.send("Input.insertText", { text: "한" });
    expect(await box.inputValue()).toBe(`${"가".repeat(249)}한`);
    await expect.poll(() => counter.textContent()).toBe("250");
    // Full: a 251st syllable may be composed (cutting it mid-way would break the IME), but it is
    // dropped when the composition ends.
    await compose(["ㄱ", "그", "글"]);
    expect(await box.inputValue()).toBe(`${"가".repeat(249)}한`);
    expect(await counter.textContent()).toBe("250");
    await page.locator(".comment-form").screenshot({ path: await screenshotPath("comments-full-counter") });

    // The server holds the same line: 251 by API is a 400 with the Korean rule.
    const response = await fetch(`${baseUrl}/api/v1/articles/${storyId}/comments`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseUrl },
      body: JSON.stringify({ nickname: "긴글독자", password: "1234", body: "가".repeat(251) }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain("띄어쓰기를 포함하여 250자 이내로 써주세요");
  });

  it("a comment made of an XSS payload shows as text and runs nothing", async () => {
    const page = await newPage();
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const storyId = await createStory("도서관 야간 개방, 이용자 두 배로");
    await openStory(page, storyId);
    // Record every element added to the page from here on: posting must add no script at all.
    await page.evaluate(() => {
      const added: string[] = [];
      Object.assign(window, { addedElements: added });
      new MutationObserver((mutations) => {
        for (const mutation of mutations) {
          mutation.addedNodes.forEach((node) => {
            if (node instanceof Element) [node, ...node.querySelectorAll("*")].forEach((element) => added.push(element.tagName.toLowerCase()));
          });
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const payload = `<img src=x onerror=alert(1)><script>alert(2)</script>"><svg onload=alert(3)> javascript:alert(4) https://example.com/a?b=<i>`;
    await page.fill('input[name="nickname"]', "시험독자");
    await page.fill('input[name="password"]', "1234");
    await page.fill('textarea[name="body"]', payload);
    await page.click('button:has-text("등록")');
    const body = page.locator(".comment__body", { hasText: "onerror" }).first();
    await expect.poll(() => body.textContent()).toBe(payload);
    const added = await page.evaluate(() => (window as unknown as { addedElements: string[] }).addedElements);
    expect(added.filter((tag) => ["script", "img", "svg", "iframe", "object", "embed"].includes(tag))).toEqual([]);
    expect(await page.locator("#comments img, #comments svg, #comments script").count()).toBe(0);
    const link = body.locator("a");
    expect(await link.count()).toBe(1);
    expect(await link.getAttribute("rel")).toBe("nofollow ugc noopener");
    // The address ends where markup-like characters begin; "<i>" stays text.
    expect(await link.getAttribute("href")).toBe("https://example.com/a?b=");

    // Another reader loading the page later runs nothing either: once the list is in and the page
    // has nothing left to load, no element that could run anything is there.
    await page.reload();
    await expect.poll(() => page.locator(".comment__body", { hasText: "onerror" }).count()).toBeGreaterThan(0);
    await page.waitForLoadState("networkidle");
    expect(await page.locator("#comments img, #comments svg, #comments script, #comments [onerror], #comments [onload]").count()).toBe(0);
    const scriptTexts = await page.locator("script").evaluateAll((scripts) => scripts.map((script) => script.textContent ?? ""));
    expect(scriptTexts.filter((text) => text.includes("alert("))).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it("the desk hides a comment in /newsroom/comments; readers no longer see it", async () => {
    const storyId = await createStory("구청, 불법 주정차 단속 구간 늘려");
    const commentId = await postComment(storyId, "골목지킴이", "단속 구간을 늘리기 전에 주차장부터 지어 주세요.");
    const page = await newPage();
    await signIn(page, "editor@newsroom.test", `/newsroom/comments?view=recent&articleId=${storyId}`);
    const line = page.locator(`tr[data-comment-id="${commentId}"]`);
    await expect.poll(() => line.textContent()).toContain("게시 중");
    await page.screenshot({ path: await screenshotPath("comments-desk-queue"), fullPage: true });
    await line.locator('button:has-text("숨기기")').click();
    await expect.poll(() => page.locator('[role="status"]').first().textContent()).toContain("댓글 1개를 숨겼습니다");
    await expect.poll(() => line.textContent()).toContain("숨김");

    // The list may be answered by the response cache, which hears of the change within moments.
    const listedIds = async () => ((await (await fetch(`${baseUrl}/api/v1/articles/${storyId}/comments`)).json()) as { comments: { id: number }[] }).comments.map((c) => c.id);
    await expect.poll(listedIds).not.toContain(commentId);
    const [audit] = await query<{ n: string }>(`SELECT count(*) AS n FROM "AuditLog" WHERE action = 'comment.hide' AND "targetId" = $1`, [String(commentId)]);
    expect(Number(audit?.n)).toBe(1);

    // Closing the story's comments: the form says so.
    await page.click('button:has-text("이 기사 댓글 닫기")');
    await expect.poll(() => page.locator('button:has-text("댓글 다시 열기")').count()).toBe(1);
    await expect.poll(async () => ((await (await fetch(`${baseUrl}/api/v1/articles/${storyId}/comments`)).json()) as { closed: boolean }).closed).toBe(true);
    const reader = await newPage();
    await openStory(reader, storyId);
    await expect.poll(() => reader.locator(".comments__closed").textContent()).toBe("이 기사는 댓글을 닫았습니다.");
    expect(await reader.locator('textarea[name="body"]').count()).toBe(0);
    await page.click('button:has-text("댓글 다시 열기")');
    await expect.poll(() => page.locator('button:has-text("이 기사 댓글 닫기")').count()).toBe(1);
  });

  it("a character stuffed with combining marks is refused in the comment box and the API; stored ones never draw outside their comment (360 px)", async () => {
    const story = await createStory("결합 부호로 부풀린 댓글 시험 기사");
    const page = await browser.newPage({ viewport: { width: 360, height: 800 }, locale: "ko-KR" });
    try {
      await page.goto(`${baseUrl}/articles/${story}`);
      await page.fill('input[name="nickname"]', "부호독자");
      await page.fill('input[name="password"]', "1234");
      await page.locator('textarea[name="body"]').fill(`좋은 기사 Z${"\u0336\u0337\u0338\u0339\u033A"}`);
      await expect.poll(() => page.locator('.comment-form [role="alert"]').textContent(), { timeout: 15_000 }).toBe("한 글자에 붙일 수 있는 결합 부호(악센트 등)는 4개까지입니다. 글자에 겹쳐 붙인 부호를 지워 주세요.");
      expect(await page.locator(".comment-form__submit").isDisabled()).toBe(true);
      await page.locator('textarea[name="body"]').fill("좋은 기사 Z\u0336");
      await expect.poll(() => page.locator('.comment-form [role="alert"]').count(), { timeout: 15_000 }).toBe(0);
      expect(await page.locator(".comment-form__submit").isDisabled()).toBe(false);

      const tower = `a${"\u0301".repeat(3000)}`;
      const refused = await fetch(`${baseUrl}/api/v1/articles/${story}/comments`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: baseUrl },
        body: JSON.stringify({ nickname: "부호독자", password: "1234", body: tower }),
      });
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toContain("결합 부호(악센트 등)는 4개까지");

      // Comments stored before the cap (written straight to the database, under a story nobody
      // has opened yet, so no cached list hides them): towers of marks above and below, a run
      // with no break, a chain of joined emoji, a long address.
      const oldStory = await createStory("결합 부호가 쌓인 옛 댓글 시험 기사");
      const stuffed = [
        `위로 ${`a${"\u0301\u0308\u030A".repeat(1000)}`.repeat(3)} 끝`,
        `아래로 ${`a${"\u0316\u0324\u0331".repeat(1000)}`.repeat(3)} 끝`,
        "W".repeat(240),
        Array.from({ length: 200 }, () => "👍").join("\u200D"),
        `https://example.com/${"a".repeat(220)}`,
      ];
      for (const [index, body] of stuffed.entries()) {
        await query(
          `INSERT INTO "Comment" ("articleId", "body", "guestName", "ipHash", "status", "createdAt", "updatedAt") VALUES ($1, $2, '옛댓글', 'legacy-source', 'VISIBLE', now() - make_interval(mins => $3), now())`,
          [oldStory, body, index + 1],
        );
      }
      await page.goto(`${baseUrl}/articles/${oldStory}`);
      await expect.poll(() => page.locator(".comment__body").count(), { timeout: 30_000 }).toBe(stuffed.length);
      await page.waitForLoadState("networkidle");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      const column = await page.locator('[data-testid="comments-island"]').boundingBox();
      for (const box of await page.locator(".comment__body").evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().toJSON() as DOMRect))) {
        expect(box.left).toBeGreaterThanOrEqual((column?.x ?? 0) - 0.5);
        expect(box.right).toBeLessThanOrEqual((column?.x ?? 0) + (column?.width ?? 0) + 0.5);
      }
      expect(await pixelsPaintedOutside(page, ".comment__body")).toBe(0);
      await page.screenshot({ path: await screenshotPath("comments-stuffed-360"), fullPage: true });
    } finally {
      await page.close();
    }
  });

  it("an admin tries a disguised word against the list in the settings page", async () => {
    const page = await newPage();
    await signIn(page, "admin@newsroom.test", "/newsroom/comments/settings");
    await page.fill('input[name="text"]', "이 기사 ㅅ1발 뭐냐");
    await page.click('button:has-text("시험")');
    await expect.poll(() => page.locator('[role="status"]').first().textContent()).toContain('금칙어 "시발"');
    await page.screenshot({ path: await screenshotPath("comments-settings"), fullPage: false });
  });
});

// The comment post is answered in front of Next.js (server/api-fast-lane.ts), which reads and
// parses the body itself and hands it to the route: what the route makes of it must not change.
describe("a comment post's body through the API fast lane", () => {
  let storyId: number;
  const post = (body: string) =>
    fetch(`${baseUrl}/api/v1/articles/${storyId}/comments`, { method: "POST", headers: { "content-type": "application/json", origin: baseUrl }, body });

  beforeAll(async () => {
    await liftFloodRules();
    storyId = await createStory("본문을 미리 읽는 댓글 경로 시험");
  });
  afterAll(restoreFloodRules);

  it("a body that is not JSON, or empty, gets the Korean 400 a route gives it", async () => {
    for (const body of ["{\"nickname\": \"독자\",", ""]) {
      const response = await post(body);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toContain("올바른 JSON이 아닙니다");
    }
  });

  it("a JSON body (with a byte order mark, as request.json() allows) is posted as typed", async () => {
    const response = await post(`\uFEFF${JSON.stringify({ nickname: "미리읽기", password: "pass1234", body: "본문은 한 번만 읽습니다 👍🏻" })}`);
    expect(response.status).toBe(201);
    expect(((await response.json()) as { comment: { body: string } }).comment.body).toBe("본문은 한 번만 읽습니다 👍🏻");
  });
});
