// The rights desk in a real Chromium against the real app: a reader files a claim through the
// public form typing Korean through an IME (driven with the DevTools protocol) and attaching a PDF,
// lands on the private status page; that page answers only its token; the form and its API reveal
// nothing of stories readers cannot see (the planted stories); hostile attachments are refused; the
// desk labels the story and closes its comments from the claim's page and readers see it at once
// although the story's page was cached; a 정정 published through the desk's API closes the claim,
// and the label goes. The desk's screens on a 360 px phone (no overflow, tap targets, axe), with an
// overdue claim red on the dashboard. Screenshots of each screen at 360 and 1280 px.
import type { Browser, BrowserContext, CDPSession, Page } from "playwright-core";
import { assemble, disassemble } from "es-hangul";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { query } from "../support/app-database";
import { inChromium, launchBrowser, screenshotPath } from "../support/browser";
import { signInOverHttp } from "../support/http-session";
import { expectUsableOnPhone, overflowPastScreen, signInStaff, staffContext } from "../support/newsroom-phone";
import { SVG_WITH_SCRIPT } from "../support/image-fixtures";
import { plainPdf } from "../support/pdf-fixtures";
import { plantStoriesInTheApp } from "../support/planted-in-app";
import { expectNoPlantedStory, privateStoryIds } from "../support/planted-stories";

const baseUrl = inject("appBaseUrl");
const databaseUrl = inject("appDatabaseUrl");
const password = inject("demoPassword");

/** A published story of this file's own (nothing else looks at it). */
async function createStory(headline: string): Promise<number> {
  const db = createPrismaClient(databaseUrl);
  try {
    const author = await db.user.findFirstOrThrow({ where: { email: "reporter@newsroom.test" } });
    const text = "[누리일보 이준혁 기자] 구청이 복지관 위탁 운영자를 공모 없이 정했다는 의혹이 나왔다.";
    const past = new Date(Date.now() - 3_600_000);
    const article = await db.article.create({
      data: { headline, subHeadlines: ["권리구제 시험용 기사"], slug: "rights-desk-e2e", bodyJson: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] }, bodyHtml: `<p>${text}</p>`, bodyText: text, authorId: author.id, status: "PUBLISHED", approvedAt: past, publishedAt: past },
    });
    const revision = await db.articleRevision.create({
      data: { articleId: article.id, number: 1, kind: "APPROVE", articleVersion: 1, headline, subHeadlines: article.subHeadlines, bodyJson: article.bodyJson ?? {}, bodyHtml: article.bodyHtml, bodyText: article.bodyText, createdById: author.id },
    });
    await db.article.update({ where: { id: article.id }, data: { liveRevisionId: revision.id } });
    return article.id;
  } finally {
    await db.$disconnect();
  }
}

/** Every request here comes from 127.0.0.1, one source: the per-source limits are lifted while this file runs. */
const liftRateLimits = () =>
  query(`INSERT INTO "SiteSetting" ("key", "value", "updatedAt") VALUES ('claims.settings', $1, now()) ON CONFLICT ("key") DO UPDATE SET "value" = EXCLUDED."value", "updatedAt" = now()`, [
    JSON.stringify({ maxPerHourPerSource: 100, maxPerDayPerSource: 1000 }),
  ]);
const restoreRateLimits = () => query(`DELETE FROM "SiteSetting" WHERE "key" = 'claims.settings'`);

/** Types Korean as an IME does: each syllable composed jamo by jamo (ㅎ, 호, 홍), then committed; other characters inserted. */
async function typeWithIme(cdp: CDPSession, text: string): Promise<void> {
  for (const char of text) {
    if (!/[가-힣]/.test(char)) {
      await cdp.send("Input.insertText", { text: char });
      continue;
    }
    const jamo = [...disassemble(char)];
    for (let length = 1; length <= jamo.length; length++) {
      const step = assemble(jamo.slice(0, length));
      await cdp.send("Input.imeSetComposition", { text: step, selectionStart: step.length, selectionEnd: step.length });
    }
    await cdp.send("Input.insertText", { text: char });
  }
}

/** A claim filed through the public API as a reader's browser would (multipart, same origin). */
async function fileClaimOverHttp(fields: Record<string, string>, files: { name: string; bytes: Buffer; type: string }[] = []): Promise<Response> {
  const form = new FormData();
  const all = { kind: "CORRECTION", name: "김독자", email: "reader@example.kr", relation: "self", disputedPassage: "문제의 구절", requestedText: "바로잡는 글", reason: "사실이 아닙니다", consent: "yes", ...fields };
  for (const [name, value] of Object.entries(all)) form.set(name, value);
  for (const file of files) form.append("attachments", new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
  return fetch(`${baseUrl}/api/v1/claims`, { method: "POST", headers: { origin: baseUrl }, body: form });
}

async function signIn(page: Page, email: string, next: string) {
  await page.goto(`${baseUrl}${next}`);
  await page.waitForURL(/\/login\?/);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await page.click('button[type="submit"]');
  await page.waitForURL(`${baseUrl}${next}`);
}

async function shoot(page: Page, name: string) {
  // Ends at 360 px: the steps after a screenshot go on as on a phone.
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: await screenshotPath(`${name}-${width}`), fullPage: true });
  }
}

describe("the rights desk in Chromium", inChromium, () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const newPage = async (width = 1280) => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "ko-KR" });
    context.setDefaultTimeout(20_000);
    contexts.push(context);
    return context.newPage();
  };

  beforeAll(async () => {
    await liftRateLimits();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await restoreRateLimits();
  });

  it("a reader files a claim typing Korean through an IME at 360 px, attaches a PDF, and gets a receipt and a private status page", async () => {
    const storyId = await createStory("구청, 복지관 위탁 공모 없이 선정");
    const page = await newPage(360);
    await page.goto(`${baseUrl}/articles/${storyId}`);
    await page.click(`a[href="/claims/new?article=${storyId}"]`);
    await page.waitForURL(`${baseUrl}/claims/new?article=${storyId}`);
    expect(await page.locator('[data-testid="claim-target"]').textContent()).toContain("구청, 복지관 위탁 공모 없이 선정");
    expect(await page.locator('[data-testid="privacy-notice"]').textContent()).toMatch(/보유 기간.*1,095일/);

    const cdp = await page.context().newCDPSession(page);
    const typed = { name: "홍길동", disputedPassage: "공모 없이 위탁 운영자를 정했다는 문장", requestedText: "복지관 위탁 운영자는 공개 공모로 선정됐습니다.", reason: "공모 공고문을 첨부합니다." };
    for (const [field, text] of Object.entries(typed)) {
      await page.click(`[name="${field}"]`);
      await typeWithIme(cdp, text);
      expect(await page.locator(`[name="${field}"]`).inputValue()).toBe(text);
    }
    await page.fill('input[name="email"]', "hong@example.kr");
    await page.setInputFiles('input[name="attachments"]', { name: "공모공고.pdf", mimeType: "application/pdf", buffer: await plainPdf() });
    await expect.poll(() => page.locator('[data-testid="claim-files"]').textContent()).toContain("공모공고.pdf");

    // Without consent: refused in Korean, nothing typed lost.
    // The form's own button: the site's header has a search button too.
    await page.click('[data-testid="claim-form"] button[type="submit"]');
    await expect.poll(() => page.locator('[data-testid="claim-form-message"]').textContent()).toContain("동의");
    expect(await page.locator('[name="requestedText"]').inputValue()).toBe(typed.requestedText);
    await page.check('input[name="consent"]');
    expect(await overflowPastScreen(page, 360), "the claim form at 360 px").toBe(0);
    await shoot(page, "claims-form");

    await page.click('[data-testid="claim-form"] button[type="submit"]');
    await page.waitForURL(/\/claims\/status\/[A-Za-z0-9_-]{43}$/);
    const receipt = await page.locator('[data-testid="receipt-number"]').textContent();
    expect(receipt).toMatch(/^20\d\d-\d{6}$/);
    expect(await page.locator('[data-testid="claim-status-label"]').textContent()).toBe("접수");
    expect(await overflowPastScreen(page, 360), "the status page at 360 px").toBe(0);
    await shoot(page, "claims-status");

    const [row] = await query<{ claimantName: string; requestedText: string; attachments: number }>(
      `SELECT c."claimantName", c."requestedText", (SELECT count(*)::int FROM "RightsClaimAttachment" a WHERE a."claimId" = c."id") AS attachments FROM "RightsClaim" c WHERE c."id" = $1`,
      [Number(receipt?.slice(5))],
    );
    expect(row).toEqual({ claimantName: "홍길동", requestedText: typed.requestedText, attachments: 1 });

    // The status page answers only its token, and is never stored by the response cache.
    const statusUrl = page.url();
    const own = await fetch(statusUrl);
    expect(own.status).toBe(200);
    expect(own.headers.get("x-cache")).toBeNull();
    expect(own.headers.get("cache-control")).not.toMatch(/public/);
    const token = statusUrl.split("/").at(-1) ?? "";
    for (const wrong of [`${token.slice(0, -2)}AA`, "x", token.toLowerCase() === token ? token.toUpperCase() : token.toLowerCase()]) {
      const answer = await fetch(`${baseUrl}/claims/status/${wrong}`);
      expect(answer.status).toBe(404);
      expect(await answer.text()).not.toContain("홍길동");
    }
  });

  it("hostile attachments are refused with a Korean message, and nothing is stored", async () => {
    const storyId = await createStory("하천 정비 예산 삭감");
    const count = async () => (await query<{ count: number }>(`SELECT count(*)::int AS count FROM "RightsClaim"`))[0]?.count;
    const before = await count();
    const svg = await fileClaimOverHttp({ articleId: String(storyId) }, [{ name: "증거.png", bytes: SVG_WITH_SCRIPT, type: "image/png" }]);
    expect(svg.status).toBe(400);
    expect(((await svg.json()) as { error: { message: string } }).error.message).toContain("PDF 문서나 사진");
    const html = await fileClaimOverHttp({ articleId: String(storyId) }, [{ name: "판결문.pdf", bytes: Buffer.from("%PDF-1.4\n<script>alert(1)</script>"), type: "application/pdf" }]);
    expect(html.status).toBe(400);
    expect(await count()).toBe(before);
  });

  describe("stories readers must not see", () => {
    const planting = plantStoriesInTheApp(databaseUrl);

    it("the claim form for a non-public story's id looks exactly like one for no story, and its API answers the same 404", async () => {
      const planted = planting.planted;
      const formFor = async (id: number) => (await fetch(`${baseUrl}/claims/new?article=${id}`)).text();
      // What readers see: the page's <main> as the server rendered it, the asked-for id replaced where
      // it repeats the address. (The router data after it streams its rows in no fixed order.)
      const mainOf = (page: string, id: number) => (/<main[^>]*>[\s\S]*<\/main>/.exec(page)?.[0] ?? "").replace(new RegExp(`article=${id}(?![0-9])`, "g"), "article=ID");
      const none = mainOf(await formFor(2_000_000_000), 2_000_000_000);
      expect(none).toContain('data-testid="claim-form"');
      for (const { kind, id } of privateStoryIds(planted)) {
        const page = await formFor(id);
        expectNoPlantedStory(planted, page, `the claim form for the ${kind} story`);
        expect(mainOf(page, id), `the claim form for the ${kind} story`).toBe(none);
        const answer = await fileClaimOverHttp({ articleId: String(id) });
        expect(answer.status).toBe(404);
        expectNoPlantedStory(planted, await answer.text(), `the claim API for the ${kind} story`);
      }
      // The published control is named.
      expect(await formFor(planted.ids.published)).toContain(planted.publishedMarker);
    });
  });

  it("the desk labels the story and closes its comments: readers see it at once though the page was cached; the 정정 closes the claim and the label goes", async () => {
    const storyId = await createStory("시립병원 의료사고 은폐 의혹");
    const filed = await fileClaimOverHttp({ articleId: String(storyId), name: "박병원" });
    expect(filed.status).toBe(201);
    const { claim } = (await filed.json()) as { claim: { receiptNumber: string; statusUrl: string } };
    const claimId = Number(claim.receiptNumber.slice(5));

    // The story's page is cached (the second anonymous request is a hit) and shows no label.
    await fetch(`${baseUrl}/articles/${storyId}`, { redirect: "follow" });
    const cached = await fetch(`${baseUrl}/articles/${storyId}`, { redirect: "follow" });
    expect(cached.headers.get("x-cache")).toBe("HIT");
    expect(await cached.text()).not.toContain("정정보도 청구가 접수된 기사입니다");

    const desk = await newPage(1280);
    await signIn(desk, "editor@newsroom.test", "/newsroom/claims");
    expect(await desk.locator('[data-testid="claims-queue"]').textContent()).toContain(claim.receiptNumber);
    expect(await desk.locator(`tr[data-claim-id="${claimId}"] [data-testid="claim-clock"]`).getAttribute("data-overdue")).toBe("false");
    await shoot(desk, "claims-queue");

    await desk.goto(`${baseUrl}/newsroom/claims/${claimId}`);
    await desk.check('input[name="label"]');
    await desk.check('input[name="commentsClosed"]');
    await desk.click('form:has(input[name="label"]) button[type="submit"]');
    await expect.poll(() => desk.locator('form:has(input[name="label"]) .form__ok').textContent()).toContain("댓글을 닫았습니다");

    const reader = await newPage(360);
    await expect
      .poll(async () => {
        await reader.goto(`${baseUrl}/articles/${storyId}`);
        return reader.locator('[data-testid="story-claim-label"]').count();
      })
      .toBe(1);
    expect(await reader.locator('[data-testid="story-claim-label"]').textContent()).toBe("정정보도 청구가 접수된 기사입니다");
    expect(await reader.locator('[data-testid="story-claim-comments"]').count()).toBe(1);
    await shoot(reader, "claims-article-under-claim");

    // Accepted on the claim's page; the 정정 is published through the desk's API (the usual approval).
    await desk.goto(`${baseUrl}/newsroom/claims/${claimId}`);
    await desk.click('form:has(input[name="action"][value="accept"]) button[type="submit"]');
    await expect.poll(() => desk.locator('[data-testid="correction-flow"]').count()).toBe(1);
    const api = await signInOverHttp(baseUrl, "editor@newsroom.test", password);
    const current = (await (await api.request("GET", `/api/v1/articles/${storyId}`)).json()) as { article: { version: number } };
    const saved = await api.request("PATCH", `/api/v1/articles/${storyId}`, { version: current.article.version, headline: "시립병원 의료사고 보고 지연" });
    expect(saved.status).toBe(200);
    const afterSave = (await saved.json()) as { article: { version: number } };
    const approved = await api.request("POST", `/api/v1/articles/${storyId}/approve`, {
      version: afterSave.article.version,
      correctionType: "CORRECTION",
      correctionNote: "의료사고를 은폐했다는 보도는 사실이 아니어서 바로잡습니다.",
    });
    expect(approved.status).toBe(200);

    await expect
      .poll(async () => {
        await reader.goto(`${baseUrl}/articles/${storyId}`);
        return reader.locator('[data-testid="story-claim-label"]').count();
      })
      .toBe(0);
    expect(await reader.locator('[data-testid="story-claim-comments"]').count()).toBe(0);
    const status = await newPage(1280);
    await status.goto(`${baseUrl}${claim.statusUrl}`);
    expect(await status.locator('[data-testid="claim-status-label"]').textContent()).toBe("게재 완료");
    expect(await status.locator('[data-testid="claim-published"]').textContent()).toContain("기한 안에 게재");
  });
  it("on a 360 px phone: an overdue claim is red on the desk's dashboard and in the queue, and the queue and the claim's page fit the screen", async () => {
    const storyId = await createStory("공공도서관 예산 전용 논란, 시의회 특위 구성");
    const filed = await fileClaimOverHttp({ articleId: String(storyId), name: "이도서", kind: "REPLY" });
    expect(filed.status).toBe(201);
    const { claim } = (await filed.json()) as { claim: { receiptNumber: string } };
    const claimId = Number(claim.receiptNumber.slice(5));
    // Received five days ago: the 3-day answer is two days late.
    await query(`UPDATE "RightsClaim" SET "receivedAt" = now() - interval '5 days', "replyDueAt" = now() - interval '1 day' WHERE "id" = $1`, [claimId]);
    try {
      const phone = await signInStaff(await staffContext(browser, "phone", contexts), "editor@newsroom.test");
      expect(await phone.locator('[data-testid="overdue-claims"]').textContent()).toContain(claim.receiptNumber);
      await expectUsableOnPhone(phone, "desk dashboard with an overdue claim");
      await phone.screenshot({ path: await screenshotPath("claims-dashboard-overdue-360"), fullPage: true });

      await phone.goto(`${baseUrl}/newsroom/claims`);
      expect(await phone.locator(`[data-claim-id="${claimId}"] [data-testid="claim-clock"]`).getAttribute("data-overdue")).toBe("true");
      await expectUsableOnPhone(phone, "claims queue");
      await phone.screenshot({ path: await screenshotPath("claims-queue-phone-360"), fullPage: true });

      await phone.goto(`${baseUrl}/newsroom/claims/${claimId}`);
      expect(await phone.locator('[data-testid="claim-receipt"]').textContent()).toBe(claim.receiptNumber);
      await expectUsableOnPhone(phone, "a claim's page");
      await phone.screenshot({ path: await screenshotPath("claims-claim-phone-360"), fullPage: true });
    } finally {
      // Other files' desk dashboards must not show this file's overdue claim.
      await query(`UPDATE "RightsClaim" SET "status" = 'WITHDRAWN', "closedAt" = now() WHERE "id" = $1`, [claimId]);
    }
  });
});
