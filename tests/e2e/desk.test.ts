// The desk's loop in a real Chromium against the real app: the intern writes and submits, the
// editor finds the story in the queue and returns it with a note, the intern sees the note,
// fixes and resubmits, the editor sees what changed and approves, and the public page shows the
// 기사승인 time to the second in Korea time. Screenshots of both dashboards, the queue and the
// review screen land in test-results/screenshots/.
//
// The intern's text is written through the JSON API with the intern's own browser session: the
// browser editor (/newsroom/articles/new) is built on another branch and is not part of this one.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { formatKstDateTime } from "@/lib/format/korean-time";
import { DEMO_STAFF } from "@/lib/seed/demo-newsroom";
import { inChromium, launchBrowser, screenshotPath } from "../support/browser";

const baseUrl = inject("appBaseUrl");
const password = inject("demoPassword");

const paragraph = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const FIRST_TEXT =
  "[누리일보 최하은 인턴기자] 고양시 일산동구의 한 초등학교 앞 횡단보도에 '옐로 카펫'이 깔렸다. 어린이가 노란 구역 안에서 신호를 기다리면 운전자 눈에 잘 띄도록 한 장치다. 학부모들은 등굣길이 한결 안전해졌다고 말했다.";
const ADDED = "시 교통정책과는 내년까지 관내 초등학교 40곳에 같은 장치를 늘리겠다고 밝혔다.";

async function signIn(page: Page, email: string) {
  await page.goto(`${baseUrl}/newsroom`);
  await page.waitForURL(/\/login\?/);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await page.click('button[type="submit"]');
  await page.waitForURL(`${baseUrl}/newsroom`);
}

/** The JSON API with this page's session (same origin, as the browser would send it). */
async function api(page: Page, method: "GET" | "POST" | "PATCH", path: string, data?: unknown) {
  const response = await page.context().request.fetch(`${baseUrl}${path}`, { method, headers: { origin: baseUrl }, ...(data === undefined ? {} : { data }) });
  const body = (await response.json()) as Record<string, unknown>;
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${JSON.stringify(body)}`);
  return body;
}

describe("the desk's loop in Chromium", inChromium, () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const newPage = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "ko-KR", timezoneId: "Asia/Seoul" });
    context.setDefaultTimeout(20_000);
    contexts.push(context);
    return context.newPage();
  };

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("write, submit, return with a note, fix, resubmit, see the diff, approve, and the public page shows 기사승인 to the second", async () => {
    const headline = `옐로 카펫 깔린 등굣길 ${Date.now().toString(36)}`;
    const intern = await newPage();
    await signIn(intern, DEMO_STAFF.intern.email);

    // The intern writes (through the API with their own session) and submits on the story page.
    const sections = (await api(intern, "GET", "/api/v1/sections")) as { sections: { id: number; name: string }[] };
    const section = sections.sections[0]!;
    const created = (await api(intern, "POST", "/api/v1/articles", { headline, sectionId: section.id, origin: "OWN_REPORTING", subHeadlines: ["학교 앞 횡단보도 노란 대기 구역"], body: paragraph(FIRST_TEXT) })) as { article: { id: number } };
    const id = created.article.id;
    await intern.goto(`${baseUrl}/newsroom/articles/${id}`);
    await intern.locator('[data-action="submit"] button', { hasText: "데스크에 넘기기" }).click();
    await expect.poll(() => intern.textContent('[data-testid="article-status"]')).toBe("데스크 검토 중");

    // The editor finds it in the queue (with the waiting count in the header) and returns it with a note.
    const editor = await newPage();
    await signIn(editor, DEMO_STAFF.editor.email);
    const row = editor.locator(`[data-testid="desk-queue"] tr[data-article-id="${id}"]`);
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain("최하은 인턴기자");
    expect(Number(await editor.textContent('[data-testid="desk-waiting-count"]'))).toBeGreaterThanOrEqual(1);
    await editor.fill('input[name="q"]', headline);
    await editor.locator('form[role="search"] button[type="submit"]').click();
    await editor.waitForURL(/\?q=/);
    await expect.poll(() => editor.locator('[data-testid="desk-queue"] tbody tr').count()).toBe(1);
    await editor.goto(`${baseUrl}/newsroom`);
    await editor.screenshot({ path: await screenshotPath("desk-dashboard-editor"), fullPage: true });
    await editor.locator('[data-testid="desk-queue"]').screenshot({ path: await screenshotPath("desk-queue") });

    await row.locator("a").click();
    await editor.waitForURL(`${baseUrl}/newsroom/articles/${id}`);
    await editor.fill('[data-testid="return-note"]', "교통정책과의 확대 계획을 확인해 넣어 주세요.");
    await editor.locator('[data-action="return"] button', { hasText: "돌려보내기" }).click();
    await expect.poll(() => editor.textContent('[data-testid="article-status"]')).toBe("작성 중");

    // The intern sees the note, highlighted, with an unread notification; fixes and resubmits.
    await intern.goto(`${baseUrl}/newsroom`);
    const returned = intern.locator('[data-testid="returned-stories"]');
    expect(await returned.textContent()).toContain("교통정책과의 확대 계획을 확인해 넣어 주세요.");
    expect(await intern.textContent('[data-testid="notifications"]')).toContain("메모와 함께 돌아왔습니다");
    expect(await intern.locator('[data-testid="notifications"] [data-unread]').count()).toBeGreaterThanOrEqual(1);
    await intern.screenshot({ path: await screenshotPath("desk-dashboard-reporter"), fullPage: true });
    await intern.goto(`${baseUrl}/newsroom/articles/${id}`);
    expect(await intern.textContent('[data-testid="desk-note"]')).toContain("교통정책과의 확대 계획");
    const current = (await api(intern, "GET", `/api/v1/articles/${id}`)) as { article: { version: number } };
    await api(intern, "PATCH", `/api/v1/articles/${id}`, { version: current.article.version, body: paragraph(`${FIRST_TEXT} ${ADDED}`) });
    await intern.reload();
    await intern.locator('[data-action="submit"] button', { hasText: "데스크에 넘기기" }).click();
    await expect.poll(() => intern.textContent('[data-testid="article-status"]')).toBe("데스크 검토 중");

    // The editor sees what changed since the return, and the history, then approves.
    await editor.goto(`${baseUrl}/newsroom/articles/${id}`);
    const diff = editor.locator('[data-testid="review-diff"]');
    expect(await diff.textContent()).toContain("데스크가 본 판");
    expect(await diff.locator("ins").allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("관내 초등학교 40곳")]));
    const history = await editor.textContent('[data-testid="history"]');
    expect(history).toContain("돌려보냄");
    expect(history).toContain("교통정책과의 확대 계획을 확인해 넣어 주세요.");
    await editor.screenshot({ path: await screenshotPath("desk-review"), fullPage: true });
    await editor.locator('[data-action="approve"] button', { hasText: /^승인$/ }).click();
    await expect.poll(() => editor.textContent('[data-testid="article-status"]')).toBe("발행됨");

    // The public page: 기사승인 to the second, in Korea time, the approved text.
    const approved = (await api(editor, "GET", `/api/v1/articles/${id}`)) as { article: { approvedAt: string; url: string } };
    const reader = await newPage();
    const answer = await reader.goto(approved.article.url);
    expect(answer?.status()).toBe(200);
    const times = await reader.textContent(".article__times");
    expect(times).toContain(`기사승인 : ${formatKstDateTime(new Date(approved.article.approvedAt))}`);
    expect(times).toMatch(/기사승인 : \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    expect(await reader.textContent(".article__body")).toContain("관내 초등학교 40곳");

    // And the intern was told.
    await intern.goto(`${baseUrl}/newsroom`);
    expect(await intern.textContent('[data-testid="notifications"]')).toContain("발행되었습니다");
    // Leave the shared front page as other test files expect it.
    await api(editor, "POST", `/api/v1/articles/${id}/unpublish`, { reason: "시험 정리" });
  }, 300_000);

  it("a 정정 chosen on the review screen is printed at the end of the story and listed on /corrections and in its feed", async () => {
    const headline = `시립도서관 야간 개방 ${Date.now().toString(36)}`;
    const editor = await newPage();
    await signIn(editor, DEMO_STAFF.editor.email);
    const sections = (await api(editor, "GET", "/api/v1/sections")) as { sections: { id: number }[] };
    const created = (await api(editor, "POST", "/api/v1/articles", { headline, sectionId: sections.sections[0]!.id, origin: "OWN_REPORTING", body: paragraph(FIRST_TEXT) })) as { article: { id: number } };
    const id = created.article.id;
    await api(editor, "POST", `/api/v1/articles/${id}/submit`);
    let story = (await api(editor, "GET", `/api/v1/articles/${id}`)) as { article: { version: number } };
    await api(editor, "POST", `/api/v1/articles/${id}/approve`, { version: story.article.version });
    story = (await api(editor, "GET", `/api/v1/articles/${id}`)) as { article: { version: number } };
    await api(editor, "PATCH", `/api/v1/articles/${id}`, { version: story.article.version, headline: `${headline} (바로잡음)` });

    // The review screen shows the pending update against the live version and offers the types.
    await editor.goto(`${baseUrl}/newsroom/articles/${id}`);
    expect(await editor.textContent('[data-testid="review-diff"]')).toContain("독자가 보는 판");
    expect(await editor.locator('[data-testid="review-diff"] [data-field="headline"] ins').textContent()).toContain("바로잡음");
    await editor.locator('[data-action="approveUpdate"] input[value="CORRECTION"]').check();
    await editor.fill('[data-action="approveUpdate"] textarea[name="correctionNote"]', "개방 시간을 밤 9시에서 밤 10시로 바로잡습니다.");
    await editor.screenshot({ path: await screenshotPath("desk-review-correction"), fullPage: true });
    await editor.locator('[data-action="approveUpdate"] button', { hasText: "수정 승인" }).click();
    await expect.poll(async () => (await api(editor, "GET", `/api/v1/articles/${id}`) as { article: { hasPendingUpdate: boolean } }).article.hasPendingUpdate).toBe(false);

    const reader = await newPage();
    const { article } = (await api(editor, "GET", `/api/v1/articles/${id}`)) as { article: { url: string } };
    await reader.goto(article.url);
    const block = reader.locator('[data-testid="article-corrections"]');
    expect(await block.textContent()).toContain("개방 시간을 밤 9시에서 밤 10시로 바로잡습니다.");
    expect(await block.textContent()).toMatch(/정정.*\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    await block.screenshot({ path: await screenshotPath("article-corrections-block") });
    await reader.goto(`${baseUrl}/corrections`);
    expect(await reader.textContent('[data-testid="corrections-list"]')).toContain(`${headline} (바로잡음)`);
    await reader.screenshot({ path: await screenshotPath("corrections-page"), fullPage: true });
    const feed = await fetch(`${baseUrl}/corrections/feed.xml`);
    expect(feed.headers.get("content-type")).toContain("application/rss+xml");
    expect(await feed.text()).toContain(`[정정] ${headline} (바로잡음)`);
    await api(editor, "POST", `/api/v1/articles/${id}/unpublish`, { reason: "시험 정리" });
  }, 300_000);

  it("a story number that does not exist shows a Korean notice inside the newsroom, with the way back to its list", async () => {
    const editor = await newPage();
    await signIn(editor, DEMO_STAFF.editor.email);
    for (const path of ["/newsroom/articles/99999999", "/newsroom/articles/99999999/edit", "/newsroom/articles/not-a-number"]) {
      const response = await editor.goto(`${baseUrl}${path}`);
      expect(response?.status(), path).toBe(404);
      const notice = editor.locator('[data-testid="newsroom-not-found"]');
      await expect.poll(() => notice.textContent(), { timeout: 10_000 }).toContain("찾는 기사나 화면이 없습니다");
      expect(await editor.locator('[data-testid="signed-in-as"]').count(), path).toBe(1);
    }
    await editor.screenshot({ path: await screenshotPath("newsroom-not-found") });
    await editor.locator('[data-testid="newsroom-not-found"] a', { hasText: "기사 목록으로 가기" }).click();
    await editor.waitForURL(`${baseUrl}/newsroom`);
  });
});
