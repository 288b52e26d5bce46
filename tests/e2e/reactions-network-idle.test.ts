// DIAGNOSTIC (work in progress): reproduces the reactions request that stays pending after a
// reader posts a comment and reloads, with the DevTools protocol's network events and the bytes
// the server sent.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { query } from "../support/app-database";
import { inChromium, launchBrowser } from "../support/browser";
import { startByteTap, tapTranscript, type ByteTap } from "../support/byte-tap";
import { traceNetwork } from "../support/network-trace";
import { createPublishedStoryInApp } from "../support/published-story-in-app";

const baseUrl = inject("appBaseUrl");
const databaseUrl = inject("appDatabaseUrl");

describe("reactions request after a comment and a reload", inChromium, () => {
  let browser: Browser;
  let tap: ByteTap;
  beforeAll(async () => {
    await query(
      `INSERT INTO "SiteSetting" ("key", "value", "updatedAt") VALUES ('comments.settings', $1, now())
       ON CONFLICT ("key") DO UPDATE SET "value" = EXCLUDED."value", "updatedAt" = now()`,
      [JSON.stringify({ minIntervalSeconds: 0, maxPerHourPerStory: 1000 })],
    );
    browser = await launchBrowser();
    tap = await startByteTap(new URL(baseUrl));
  });
  afterAll(async () => {
    await browser?.close();
    await tap?.close();
    await query(`DELETE FROM "SiteSetting" WHERE "key" = 'comments.settings'`);
  });

  it("diagnose", async () => {
    const storyId = await createPublishedStoryInApp(databaseUrl, "반응 막대 대기 진단 기사");
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: "ko-KR" });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const trace = await traceNetwork(page);
    const started = performance.now();
    const pw: string[] = [];
    const t = () => Math.round(performance.now() - started);
    page.on("request", (r) => pw.push(`${t()} pw request ${r.method()} ${r.url()}`));
    page.on("requestfinished", (r) => pw.push(`${t()} pw finished ${r.method()} ${r.url()}`));
    page.on("requestfailed", (r) => pw.push(`${t()} pw failed ${r.method()} ${r.url()} ${r.failure()?.errorText}`));
    await page.goto(`${tap.baseUrl}/articles/${storyId}`);
    await expect.poll(() => page.locator('[data-testid="comment-total"]').textContent()).not.toBe("-");
    await expect.poll(() => page.locator('[data-testid="reaction-count-LIKE"]').textContent()).not.toBe("-");
    pw.push(`${t()} --- posting`);
    await page.fill('input[name="nickname"]', "진단독자");
    await page.fill('input[name="password"]', "1234");
    await page.fill('textarea[name="body"]', "진단용 댓글입니다.");
    await page.click('button:has-text("등록")');
    await expect.poll(() => page.locator(".comment__body").count()).toBeGreaterThan(0);
    pw.push(`${t()} --- reloading`);
    await page.reload();
    await expect.poll(() => page.locator(".comment__body").count()).toBeGreaterThan(0);
    pw.push(`${t()} --- waiting for networkidle`);
    const idle = await page.waitForLoadState("networkidle", { timeout: 10_000 }).then(
      () => "idle",
      (error: unknown) => `not idle: ${String(error).split("\n")[0]}`,
    );
    pw.push(`${t()} --- ${idle}`);
    console.log(pw.join("\n"));
    console.log("OPEN (CDP):", [...trace.open()]);
    console.log(trace.text((line) => !line.detail.includes("/_next/static") && line.event !== "dataReceived"));
    console.log("TAP reactions:\n" + tapTranscript(tap, "/reactions"));
    console.log("TAP events:", JSON.stringify(tap.events));
    await context.close();
    expect(idle).toBe("idle");
  });
});
