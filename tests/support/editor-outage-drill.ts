// The editor through a database outage, in Chromium against the fault app (shared by the short
// run in `npm test` and `npm run test:faults`): a signed-in reporter types while PostgreSQL is
// stopped; the autosave fails with the server's Korean message shown in the editor; the page,
// reloaded while the database is still down, says in Korean what is wrong; the typed text stays
// on the device, is offered back once PostgreSQL is up again, and then reaches the server.
import type { Page } from "playwright-core";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/db/prisma-errors";
import { DEMO_STAFF } from "@/lib/seed/demo-newsroom";
import { browserTestsEnabled, launchBrowser, screenshotPath } from "./browser";
import type { FaultApp } from "./fault-app";
import { query, sleep, type DrillResult } from "./fault-drills";

const HANGUL = /[가-힣]/;

const saveStatus = (page: Page) => page.getAttribute('[data-testid="save-status"]', "data-status");

/** Polls `read` every 100 ms until `done` holds; the last value, or undefined after `timeoutMs`. */
async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read().catch(() => undefined);
    if (value !== undefined && done(value)) return value;
    if (Date.now() > deadline) return undefined;
    await sleep(100);
  }
}

async function storedBodyText(app: FaultApp, id: number): Promise<string> {
  const [row] = await query<{ bodyText: string }>(app.databaseUrl, `SELECT "bodyText" FROM "Article" WHERE id = $1`, [id]);
  return row?.bodyText ?? "";
}

async function openEditor(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('[data-testid="editor-body"][contenteditable="true"]');
}

export async function editorOutageDrill(app: FaultApp): Promise<DrillResult> {
  // Not a pass: the short run skips this test (inChromium), the full run reports it as skipped.
  if (!browserTestsEnabled) return { figures: {}, violations: [], skipped: "no Chromium" };
  const violations: string[] = [];
  const figures: Record<string, number | string> = {};
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: "ko-KR", timezoneId: "Asia/Seoul" });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    // The editor asks before leaving a page whose text has not reached the server: leave anyway.
    page.on("dialog", (dialog) => void dialog.accept());
    await page.goto(`${app.baseUrl}/login`);
    await page.fill('input[name="email"]', DEMO_STAFF.reporter.email);
    await page.fill('input[name="password"]', app.demoPassword);
    await page.click('button[type="submit"]');
    await page.waitForURL(`${app.baseUrl}/newsroom`);

    await openEditor(page, `${app.baseUrl}/newsroom/articles/new`);
    await page.fill('input[name="headline"]', "데이터베이스 장애 중에 쓰는 기사");
    await page.locator('[data-testid="editor-body"]').click();
    await page.keyboard.type("장애 전에 저장된 문장.");
    await page.click('[data-testid="save-button"]');
    if ((await waitFor(() => saveStatus(page), (status) => status === "saved", 20_000)) === undefined) throw new Error("the first save did not go through");
    const id = Number(await page.getAttribute('[data-testid="article-editor"]', "data-article-id"));

    await app.stopDatabase();
    const downAt = Date.now();
    const typedWhileDown = " 장애 중에 쓴 문장, 한 글자도 잃지 않아야 한다.";
    try {
      await page.locator('[data-testid="editor-body"]').click();
      await page.keyboard.press("End");
      await page.keyboard.type(typedWhileDown, { delay: 10 });
      const failed = await waitFor(() => saveStatus(page), (status) => status === "unavailable", 20_000);
      figures.autosaveFailedShownMs = failed ? Date.now() - downAt : "never";
      const shown = (await page.textContent('[data-testid="save-status"]')) ?? "";
      figures.editorMessage = shown.replaceAll("|", "/");
      if (!failed) violations.push(`the editor's status while the database was down: ${await saveStatus(page)} (${shown})`);
      else if (!shown.includes(DATABASE_UNAVAILABLE_MESSAGE) || !shown.includes("이 기기에 보관")) violations.push(`the editor's message while the database was down: ${shown}`);
      await page.screenshot({ path: await screenshotPath("editor-database-down") });

      // Reloaded while the database is down: a Korean explanation, not a blank or English page.
      const reloaded = await page.reload().catch(() => null);
      figures.reloadWhileDownStatus = reloaded?.status() ?? 0;
      const reloadedText = await page.locator("body").innerText().catch(() => "");
      figures.reloadWhileDownText = reloadedText.replace(/\s+/g, " ").trim().slice(0, 120).replaceAll("|", "/");
      if (!HANGUL.test(reloadedText)) violations.push(`the editor reloaded while the database was down shows no Korean explanation: ${reloadedText.slice(0, 200)}`);
      await page.screenshot({ path: await screenshotPath("editor-reload-database-down") });
      if ((await storedBodyText(app, id).catch(() => "")) !== "") violations.push("the database answered while it was meant to be down");
    } finally {
      await app.startDatabase();
    }
    const upAt = Date.now();
    await waitFor(() => fetch(`${app.baseUrl}/api/health`).then((response) => response.status), (status) => status === 200, 30_000);

    // Opened again once PostgreSQL is back: the text typed during the outage is offered back.
    await openEditor(page, `${app.baseUrl}/newsroom/articles/${id}/edit`);
    const offered = await page.locator('[data-testid="recover-backup"]').waitFor({ timeout: 10_000 }).then(() => true, () => false);
    figures.backupOffered = offered ? "yes" : "no";
    if (!offered) violations.push("reopening the editor after the outage did not offer the text kept on the device");
    else {
      await page.screenshot({ path: await screenshotPath("editor-after-outage-recover") });
      await page.click('[data-testid="recover-backup"] >> text=되살리기');
      const settled = await waitFor(() => saveStatus(page), (status) => status === "saved" || status === "conflict", 20_000);
      // A keepalive save sent as the page reloaded may have landed after the database came back.
      if (settled === "conflict") await page.click("text=내 글로 저장 (서버 원고 위에)");
      await waitFor(() => saveStatus(page), (status) => status === "saved", 20_000);
    }
    const stored = await storedBodyText(app, id);
    figures.savedAfterRecoveryMs = Date.now() - upAt;
    if (stored !== `장애 전에 저장된 문장.${typedWhileDown}`) violations.push(`the server has "${stored}" after the outage`);
    figures.serverHasText = stored.endsWith(typedWhileDown) ? "yes" : "no";
    await context.close();
  } finally {
    await browser.close();
  }
  return { figures, violations };
}
