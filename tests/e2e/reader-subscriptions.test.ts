// Readers' e-mail channels in the real app and Chromium: the 기자 구독 button on a reporter's page
// and the newsletter button in the footer (desktop and 360 px), the confirmation mail found in
// the demo outbox on the newsroom's 뉴스레터 page (no SMTP_URL here) and confirmed through its
// link, a follower's mail delivered by the app's own job runner and rendered as HTML for a
// screenshot, and one-click unsubscribe by one POST without an Origin, as a mail provider sends it.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { launchBrowser, inChromium, screenshotPath } from "../support/browser";
import { eventually, overflowPastScreen, PHONE, signInStaff, staffContext } from "../support/newsroom-phone";
import { createReaderStory } from "../support/reader-story";

const baseUrl = inject("appBaseUrl");
const databaseUrl = inject("appDatabaseUrl");
// The app runs without SMTP_URL and NEWSROOM_DATA_DIR: its mails go to the worktree's .data/mail.
const outboxDir = path.join(process.env.NEWSROOM_DATA_DIR ?? path.join(process.cwd(), ".data"), "mail");

const run = Date.now().toString(36);
const addressFor = (what: string) => `e2e-${what}-${run}@example.com`;

/** The demo outbox's summary of the mail whose HTML holds `needle` (written by the app's job runner). */
async function outboxMailWith(needle: string): Promise<{ subject: string; html: string } | null> {
  const names = (await readdir(outboxDir).catch(() => [] as string[])).filter((name) => name.endsWith(".json"));
  for (const name of names.sort().reverse()) {
    const summary = JSON.parse(await readFile(path.join(outboxDir, name), "utf8")) as { subject: string; html: string };
    if (summary.html.includes(needle)) return summary;
  }
  return null;
}

async function subscribeThrough(page: Page, button: string, email: string): Promise<void> {
  await page.getByRole("button", { name: button }).click();
  await page.getByLabel("이메일").fill(email);
  await page.getByRole("button", { name: "구독 신청" }).click();
  await eventually(() => page.locator(".subscribe__answer").textContent()).toContain("확인 메일을 보냈습니다");
}

describe("readers' e-mail channels", inChromium, () => {
  let browser: Browser;
  let db: Db;
  let reporterPath: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    db = createPrismaClient(databaseUrl);
    const reporter = await db.user.findFirstOrThrow({ where: { email: "reporter@newsroom.test" }, select: { reporterNumber: true, name: true } });
    reporterPath = `/reporters/${reporter.reporterNumber}-${encodeURIComponent(reporter.name)}`;
  });
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await db?.$disconnect();
  });

  it("the follow button on a reporter's page and the newsletter button in the footer take an address, on a phone and a desktop", async () => {
    for (const kind of ["phone", "desktop"] as const) {
      const context = await staffContext(browser, kind, contexts);
      const page = await context.newPage();
      await page.goto(`${baseUrl}${reporterPath}`);
      await subscribeThrough(page, "+ 기자 구독", addressFor(`follow-${kind}`));
      if (kind === "phone") expect(await overflowPastScreen(page, PHONE.width)).toBe(0);
      await page.locator(".reporter-card").screenshot({ path: await screenshotPath(`reader-follow-button-${kind}`) });

      await page.goto(`${baseUrl}/`);
      await subscribeThrough(page, "아침 뉴스레터 받기", addressFor(`digest-${kind}`));
      if (kind === "phone") expect(await overflowPastScreen(page, PHONE.width)).toBe(0);
      await page.locator(".site-footer__newsletter").screenshot({ path: await screenshotPath(`reader-newsletter-button-${kind}`) });
    }
    // Pending, not confirmed: nothing but the confirmation mail will go to them.
    expect(await db.readerSubscription.count({ where: { email: { in: [addressFor("follow-phone"), addressFor("digest-desktop")] }, confirmedAt: null } })).toBe(2);
  });

  it("the confirmation mail is listed in the newsroom's demo outbox, and its link confirms the subscription with one press", async () => {
    const email = addressFor("follow-desktop");
    const { token } = await db.readerSubscription.findFirstOrThrow({ where: { email } });
    await eventually(async () => (await outboxMailWith(token)) !== null).toBe(true);

    const admin = await signInStaff(await staffContext(browser, "desktop", contexts), "admin@newsroom.test", "/newsroom/newsletters");
    const listed = admin.locator('[data-testid="mail-outbox"] li', { hasText: "기자 구독 신청을 확인해 주세요" }).filter({ has: admin.locator(`a[href*="${token}"]`) });
    await listed.locator("summary").click();
    expect(await admin.textContent('[data-testid="mail-outbox"]')).not.toContain(email);
    const [confirmPage] = await Promise.all([admin.context().waitForEvent("page"), listed.getByRole("link", { name: "구독 확인" }).click()]);
    await confirmPage.waitForLoadState();
    // Opening the link alone confirms nothing (mail scanners open links).
    expect((await db.readerSubscription.findFirstOrThrow({ where: { email } })).confirmedAt).toBeNull();
    await confirmPage.getByRole("button", { name: "구독 확인" }).click();
    await eventually(() => confirmPage.locator(".subscription-page [role=status]").textContent()).toContain("구독이 시작되었습니다");
    expect((await db.readerSubscription.findFirstOrThrow({ where: { email } })).confirmedAt).not.toBeNull();
  });

  it("a follower gets the reporter's new story by mail (rendered for the screenshot), and one POST without an Origin unsubscribes", async () => {
    const email = addressFor("follow-desktop");
    const { token } = await db.readerSubscription.findFirstOrThrow({ where: { email, confirmedAt: { not: null } } });
    const headline = `구독자에게 가는 새 기사 ${run} 시립도서관 야간 개방`;
    const story = await createReaderStory(databaseUrl, { headline, paragraphs: ["[누리일보 이준혁 기자] 시립도서관이 다음 달부터 밤 10시까지 문을 엽니다."], authorEmail: "reporter@newsroom.test", sectionSlug: "society" });
    // The story's sign-off offers to follow its reporter too.
    const reader = await (await staffContext(browser, "phone", contexts)).newPage();
    await reader.goto(`${baseUrl}${story.path}`);
    await reader.getByRole("button", { name: /^\+ .+ 구독$/ }).click();
    await eventually(() => reader.locator(".article__follow input[type=email]").isVisible()).toBe(true);
    expect(await overflowPastScreen(reader, PHONE.width)).toBe(0);
    await reader.locator(".article__signoff").screenshot({ path: await screenshotPath("reader-follow-story-phone") });
    // What the desk's publication queues (the readerMail consumer), queued here the same way.
    await db.$queryRaw`SELECT graphile_worker.add_job('reader-mail.story', json_build_object('articleId', ${story.id}::int))`;
    await eventually(async () => (await outboxMailWith(`${token}`))?.subject ?? "").toContain(headline);
    const mail = (await outboxMailWith(headline))!;
    expect(mail.subject).toContain("기자]");
    for (const kind of ["phone", "desktop"] as const) {
      const page = await (await staffContext(browser, kind, contexts)).newPage();
      await page.setContent(mail.html);
      expect(await page.textContent("body")).toContain(headline);
      if (kind === "phone") expect(await overflowPastScreen(page, PHONE.width)).toBe(0);
      await page.screenshot({ path: await screenshotPath(`reader-follow-mail-${kind}`), fullPage: true });
    }

    const response = await fetch(`${baseUrl}/api/subscriptions/unsubscribe?token=${token}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(response.status).toBe(200);
    expect(await db.readerSubscription.count({ where: { email } })).toBe(0);
  });
});
