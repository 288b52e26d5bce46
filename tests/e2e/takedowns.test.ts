// 임시조치 in the real app, with two instances on one database (the e2e app A, and B started
// here), as behind a load balancer: the desk blocks a story in Chromium (the form a claim's link
// opens, with its receipt number); on both instances the story's address answers 451 with the
// notice, from the cache, and the story is on no public surface; the desk blocks a guest's comment,
// which keeps its place with the notice; then the block ends by itself at its time: both cached
// pages change at that moment, and the end is recorded once although both instances run jobs.
// (The planted `blocked` story is checked on every public surface by public-newspaper.test.ts.)
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_STAFF } from "@/lib/seed/demo-newsroom";
import { startAppInstance, type AppInstance } from "../support/app-instance";
import { query } from "../support/app-database";
import { inChromium, launchBrowser, screenshotPath } from "../support/browser";
import { signInOverHttp, type ApiSession } from "../support/http-session";
import { loopbackRequest } from "../support/loopback-client";

const instanceA = inject("appBaseUrl");
const databaseUrl = inject("appDatabaseUrl");
const password = inject("demoPassword");

const paragraph = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const STORY_TEXT = "[누리일보 이준혁 기자] 시의회 예산 심사 과정에서 한 업체에 특혜가 있었다는 의혹이 제기됐다. ".repeat(4);

/** A story the reporter (이준혁 기자) wrote and the desk published, through the API; its id. */
async function publishedStory(reporter: ApiSession, desk: ApiSession, headline: string): Promise<number> {
  const { sections } = (await (await reporter.request("GET", "/api/v1/sections")).json()) as { sections: { id: number }[] };
  const created = await reporter.request("POST", "/api/v1/articles", { headline, sectionId: sections[0]?.id, origin: "OWN_REPORTING", body: paragraph(STORY_TEXT) });
  const { article } = (await created.json()) as { article: { id: number } };
  expect((await reporter.request("POST", `/api/v1/articles/${article.id}/submit`)).status).toBe(200);
  const { article: current } = (await (await desk.request("GET", `/api/v1/articles/${article.id}`)).json()) as { article: { version: number } };
  expect((await desk.request("POST", `/api/v1/articles/${article.id}/approve`, { version: current.version })).status).toBe(200);
  return article.id;
}

/** A guest's comment, from a loopback address of this file's own (the flood rules count per source). */
async function guestComment(baseUrl: string, storyId: number, from: string, nickname: string, body: string): Promise<number> {
  const answer = await loopbackRequest(`${baseUrl}/api/v1/articles/${storyId}/comments`, {
    localAddress: from,
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ nickname, password: "1234", body }),
  });
  expect(answer.status, answer.text).toBe(201);
  return (JSON.parse(answer.text) as { comment: { id: number } }).comment.id;
}

async function signIn(page: Page, next: string) {
  await page.goto(`${instanceA}${next}`);
  await page.waitForURL(/\/login\?/);
  await page.fill('input[name="email"]', DEMO_STAFF.editor.email);
  await page.fill('input[name="password"]', password);
  await page.click('button[type="submit"]');
  await page.waitForURL(`${instanceA}${next}`);
}

describe("임시조치 across two instances", inChromium, () => {
  let b: AppInstance;
  let browser: Browser;
  let desk: ApiSession;
  let reporter: ApiSession;
  // Comment bodies differ per run: the flood rules refuse a source's repeated text.
  const run = Date.now().toString(36);
  const contexts: BrowserContext[] = [];
  const newPage = async (width: number) => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "ko-KR", timezoneId: "Asia/Seoul" });
    context.setDefaultTimeout(20_000);
    contexts.push(context);
    const page = await context.newPage();
    // The desk's forms ask "계속할까요?" before a block or a deletion.
    page.on("dialog", (dialog) => void dialog.accept());
    return page;
  };
  const storyIds: number[] = [];

  beforeAll(async () => {
    [b, browser, desk, reporter] = await Promise.all([
      startAppInstance(databaseUrl),
      launchBrowser(),
      signInOverHttp(instanceA, DEMO_STAFF.editor.email, password),
      signInOverHttp(instanceA, DEMO_STAFF.reporter.email, password),
    ]);
  }, 240_000);
  afterAll(async () => {
    // Leave the shared front page as the other browser tests expect it.
    for (const id of storyIds) await desk?.request("POST", `/api/v1/articles/${id}/unpublish`, { reason: "임시조치 시험을 마쳤습니다." });
    await browser?.close();
    await b?.stop();
  });

  it("a blocked story answers 451 with its notice on both instances, from their caches, and is on no public surface; its end at its time shows it on both at once, recorded once", async () => {
    const headline = `시의회 예산 특혜 의혹 ${Date.now().toString(36)}`;
    const id = await publishedStory(reporter, desk, headline);
    storyIds.push(id);
    const link = `href="/articles/${id}/`;

    // The claims desk's link: the story and the claim's receipt number.
    const editor = await newPage(1280);
    await signIn(editor, `/newsroom/takedowns/new?article=${id}&claim=R-2026-0001`);
    expect(await editor.inputValue('input[name="claimReference"]')).toBe("R-2026-0001");
    expect(await editor.textContent(".takedown-card")).toContain(headline);
    expect(await editor.textContent(".takedown-card")).toContain("이준혁 기자: 뉴스룸 알림으로 알립니다.");
    await editor.selectOption('select[name="reason"]', "DEFAMATION");
    await editor.fill('input[name="days"]', "31");
    await editor.click('button:has-text("임시조치하기")');
    // The browser refuses 31 itself (max=30); the server would too (integration test).
    expect(await editor.locator('input[name="days"]').evaluate((input: HTMLInputElement) => input.validity.rangeOverflow)).toBe(true);
    await editor.fill('input[name="days"]', "30");
    await editor.screenshot({ path: await screenshotPath("takedown-form-1280"), fullPage: true });
    await editor.click('button:has-text("임시조치하기")');
    await expect.poll(() => editor.locator('[role="status"]').textContent()).toContain("임시조치했습니다");
    expect(await editor.textContent('[role="status"]')).toContain("게재자에게 뉴스룸 알림을 보냈습니다");

    // Both instances: 451 with the notice, and again from the cache.
    for (const base of [instanceA, b.baseUrl]) {
      await expect.poll(async () => (await fetch(`${base}/articles/${id}`, { redirect: "manual" })).status, { timeout: 2_000, interval: 50 }).toBe(451);
      const again = await fetch(`${base}/articles/${id}`);
      expect(again.status).toBe(451);
      expect(again.headers.get("x-cache")).toBe("HIT");
      const html = await again.text();
      expect(html).toContain("명예훼손 주장에 따른 임시조치");
      expect(html).toContain("까지 볼 수 없습니다");
      expect(html).not.toContain(headline);
      expect(html).not.toContain("특혜가 있었다는 의혹");
    }
    // And nowhere else: the front page, its section, the feeds, the sitemaps, search.
    for (const path of ["/", "/feed.xml", "/news-sitemap.xml", "/sitemaps/articles-1.xml", `/search?q=${encodeURIComponent("시의회 예산 특혜")}`]) {
      const text = await (await fetch(`${instanceA}${path}`)).text();
      expect(text, path).not.toContain(headline);
      expect(text.includes(link) || text.includes(`/articles/${id}/`), path).toBe(false);
    }

    const reader = await newPage(360);
    const answer = await reader.goto(`${instanceA}/articles/${id}`);
    expect(answer?.status()).toBe(451);
    expect(await reader.textContent('[data-testid="takedown-notice"]')).toContain("명예훼손 주장에 따른 임시조치");
    await reader.screenshot({ path: await screenshotPath("takedown-story-360"), fullPage: true });
    const wide = await newPage(1280);
    await wide.goto(`${instanceA}/articles/${id}`);
    await wide.screenshot({ path: await screenshotPath("takedown-story-1280"), fullPage: true });

    // Its end at its time. A block lasts days; the test cannot wait a day nor fake two processes'
    // clocks, so it moves this block's end to a few seconds from now, as the desk's form would have
    // written it 30 days ago: the row, its queued job (same key) and an event that tells both
    // instances to look at the next end again.
    const [block] = await query<{ id: number }>(`SELECT id FROM "Takedown" WHERE "articleId" = $1 AND status = 'ACTIVE'`, [id]);
    if (!block) throw new Error("no block was written");
    const [moved] = await query<{ endsAt: Date }>(`UPDATE "Takedown" SET "endsAt" = now() + interval '5 seconds' WHERE id = $1 RETURNING "endsAt"`, [block.id]);
    const endsAt = moved!.endsAt.getTime();
    await query(`SELECT graphile_worker.add_job('takedown.expire', json_build_object('takedownId', $1::int), run_at => $2, job_key => $3)`, [block.id, moved!.endsAt, `takedown-expire:${block.id}`]);
    await query(`INSERT INTO "DomainEvent" ("type", "payload") VALUES ('takedown.applied', json_build_object('takedownId', $1::int, 'articleId', $2::int, 'commentId', null)::jsonb)`, [block.id, id]);
    // Both caches hold the notice again, shortly before the end.
    for (const base of [instanceA, b.baseUrl]) {
      await expect.poll(async () => (await fetch(`${base}/articles/${id}`)).headers.get("x-cache"), { timeout: 3_000, interval: 50 }).toBe("HIT");
    }
    expect(Date.now()).toBeLessThan(endsAt);
    const shownAt: Record<string, number> = {};
    await Promise.all(
      [instanceA, b.baseUrl].map(async (base) => {
        await expect.poll(async () => (await fetch(`${base}/articles/${id}`)).status, { timeout: 15_000, interval: 50 }).toBe(200);
        shownAt[base] = Date.now();
      }),
    );
    for (const base of [instanceA, b.baseUrl]) {
      const delay = (shownAt[base] ?? 0) - endsAt;
      console.log(`[takedown] ${base === instanceA ? "A" : "B"}: story back ${delay} ms after its end`);
      expect(delay).toBeLessThan(1_500);
      await expect.poll(async () => (await fetch(`${base}/`)).text(), { timeout: 2_000, interval: 50 }).toContain(link);
    }
    // Recorded once, by one of the two instances' job runners.
    await expect.poll(async () => (await query<{ status: string }>(`SELECT status FROM "Takedown" WHERE id = $1`, [block.id]))[0]?.status, { timeout: 15_000, interval: 100 }).toBe("EXPIRED");
    const audit = await query<{ action: string }>(`SELECT action FROM "AuditLog" WHERE "targetType" = 'Takedown' AND "targetId" = $1 ORDER BY "createdAt"`, [String(block.id)]);
    expect(audit.map((row) => row.action)).toEqual(["takedown.apply", "takedown.expire"]);
  }, 300_000);

  it("a blocked comment keeps its place under the story with the notice; the guest who wrote it cannot be told", async () => {
    const id = await publishedStory(reporter, desk, `골목상권 지원금 논란 ${run}`);
    storyIds.push(id);
    await guestComment(instanceA, id, "127.0.0.21", "상인회원", `지원금 기준을 공개해야 합니다. (${run})`);
    const blockedId = await guestComment(instanceA, id, "127.0.0.22", "동네토박이", `구청장 아무개는 뒷돈을 받았다더라. (${run})`);
    await guestComment(instanceA, id, "127.0.0.23", "시민", `예산 심사 때 다시 따져봐야죠. (${run})`);

    const editor = await newPage(360);
    await signIn(editor, "/newsroom/comments?view=recent");
    await editor.locator(`tr[data-comment-id="${blockedId}"] a`, { hasText: "임시조치" }).click();
    await editor.waitForURL(new RegExp(`/newsroom/takedowns/new\\?comment=${blockedId}`));
    expect(await editor.textContent(".takedown-card")).toContain("연락처를 남기지 않아 알릴 수 없습니다");
    await editor.selectOption('select[name="reason"]', "DEFAMATION");
    await editor.fill('input[name="days"]', "14");
    await editor.screenshot({ path: await screenshotPath("takedown-comment-form-360"), fullPage: true });
    await editor.click('button:has-text("임시조치하기")');
    await expect.poll(() => editor.locator('[role="status"]').textContent()).toContain("연락처가 없어 알리지 못했습니다");
    await editor.goto(`${instanceA}/newsroom/takedowns`);
    expect(await editor.textContent('[data-testid="takedowns-in-force"]')).toContain("구청장 아무개는");
    await editor.screenshot({ path: await screenshotPath("takedowns-list-360"), fullPage: true });

    for (const width of [360, 1280]) {
      const reader = await newPage(width);
      await reader.goto(`${instanceA}/articles/${id}#comments`);
      const blocked = reader.locator('[data-testid="blocked-comment"]');
      await expect.poll(() => blocked.count(), { timeout: 10_000 }).toBe(1);
      expect(await blocked.textContent()).toContain("명예훼손 주장에 따른 임시조치");
      expect(await reader.locator(".comment").count()).toBe(3);
      expect(await reader.locator(".comment").nth(1).getAttribute("data-comment-id")).toBe(String(blockedId));
      expect(await reader.textContent('[data-testid="comments-island"]')).not.toContain("뒷돈");
      expect(await reader.textContent('[data-testid="comments-island"]')).not.toContain("동네토박이");
      await reader.locator('[data-testid="comments-island"]').screenshot({ path: await screenshotPath(`takedown-comment-${width}`) });
    }
    // The list readers' browsers receive never carries the text either.
    const list = await (await fetch(`${b.baseUrl}/api/v1/articles/${id}/comments`)).text();
    expect(list).not.toContain("뒷돈");
  }, 300_000);
});
