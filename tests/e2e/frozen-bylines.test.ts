// A byline is part of the story the desk approved. A staff member who changes their own name and
// byline e-mail through the API (PATCH /api/v1/me) changes no published story: not its sign-off,
// not its JSON-LD author, not its feed entry. Readers' tips go where the desk saw they would.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from "vitest";
import { DEMO_STAFF } from "@/lib/seed/demo-newsroom";
import { query } from "../support/app-database";
import { browserTestsEnabled, launchBrowser, screenshotPath } from "../support/browser";
import { newStaffPage } from "../support/editor-e2e";
import { signInOverHttp, type ApiSession } from "../support/http-session";
import { createReaderStory } from "../support/reader-story";

const baseUrl = inject("appBaseUrl");
const password = inject("demoPassword");

const publishedStoriesOf = (email: string) =>
  query<{ id: number }>(
    `SELECT a.id FROM "Article" a JOIN "User" u ON u.id = a."authorId"
     WHERE u.email = $1 AND a.status = 'PUBLISHED' AND a."liveRevisionId" IS NOT NULL AND a."publishedAt" <= now() ORDER BY a.id`,
    [email],
  );

/** What readers are told about who wrote story `id`: the sign-off, the JSON-LD author and the feed entry. */
async function publicBylines(ids: number[], mustBeInFeed: number, session: ApiSession): Promise<Record<number, { signoff: string; author: unknown; feedItem: string }>> {
  // Read with a staff session: the response cache is bypassed, so these are fresh renders.
  const get = async (path: string) => (await fetch(`${baseUrl}${path}`, { headers: { cookie: session.cookie } })).text();
  // The story was just published: the app hears of it through its event listener, which a busy
  // machine may delay, so the feed is read until it has the story (state, not time).
  let feed = "";
  await expect.poll(async () => (feed = await get("/feed.xml")).includes(`/articles/${mustBeInFeed}/`), { timeout: 15_000 }).toBe(true);
  const result: Record<number, { signoff: string; author: unknown; feedItem: string }> = {};
  for (const id of ids) {
    const html = await get(`/articles/${id}`);
    const signoff = /<footer class="article__signoff">[\s\S]*?<\/footer>/.exec(html)?.[0] ?? "";
    const jsonLd = /<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "{}";
    const feedItem = feed.split("<item>").find((item) => item.includes(`/articles/${id}/`)) ?? "";
    expect(signoff, `story ${id}`).not.toBe("");
    // The feed holds the newest stories only; other test files may have pushed older ones out.
    if (id === mustBeInFeed) expect(feedItem, `story ${id} in the feed`).not.toBe("");
    result[id] = { signoff, author: (JSON.parse(jsonLd) as { author?: unknown }).author, feedItem };
  }
  return result;
}

describe("bylines the desk approved stay on published stories", () => {
  it.each([
    ["a reporter", DEMO_STAFF.reporter],
    ["the editor-in-chief (an admin)", DEMO_STAFF.admin],
  ])("PATCH /api/v1/me with a new name and byline e-mail by %s leaves every published story's sign-off, JSON-LD author and feed entry as approved", async (_who, person) => {
    const session = await signInOverHttp(baseUrl, person.email, password);
    // A story of theirs that is surely in the feed (the newest); its byline is frozen as it goes live.
    const fresh = await createReaderStory(inject("appDatabaseUrl"), {
      headline: `${person.name}의 바이라인 확인 기사`,
      paragraphs: ["바이라인이 승인된 그대로 남는지 확인하는 기사입니다."],
      authorEmail: person.email,
      sectionSlug: "society",
      // The newest of all, so it is in the feed whatever other test files published before.
      publishedAt: new Date(Date.now() - 1_000),
    });
    const ids = (await publishedStoriesOf(person.email)).map((row) => row.id);
    expect(ids.length).toBeGreaterThan(1);
    const before = await publicBylines(ids, fresh.id, session);
    expect(JSON.stringify(before)).toContain(person.bylineEmail);

    const patched = await session.request("PATCH", "/api/v1/me", { name: `${person.name}대리`, bylineEmail: "tips@elsewhere.example" });
    // Other tests share the demo staff: an accepted change is undone as soon as this test ends.
    onTestFinished(async () => void (await session.request("PATCH", "/api/v1/me", { name: person.name, bylineEmail: person.bylineEmail })));
    const answer = (await patched.json()) as { error?: { message: string } };
    // Reporters may not change them at all (admins do it for them); an admin's own change is allowed.
    if (person.role !== "ADMIN") {
      expect(patched.status).toBe(403);
      expect(answer.error?.message).toMatch(/관리자/);
    } else expect(patched.status).toBe(200);

    const after = await publicBylines(ids, fresh.id, session);
    expect(after).toEqual(before);
    expect(JSON.stringify(after)).not.toContain("tips@elsewhere.example");
  });
});

describe.skipIf(!browserTestsEnabled)("the staff screens on a 360 px phone", () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  const phoneSignedIn = (email: string) => newStaffPage(browser, email, contexts, { width: 360, height: 800 });

  /** How far the element's right edge reaches, against the 360 px screen. */
  const rightEdge = (page: Page, selector: string) => page.locator(selector).first().evaluate((element) => element.getBoundingClientRect().right);

  it("a reporter's account page shows the byline name and e-mail without fields to change them, and says who does", async () => {
    const page = await phoneSignedIn(DEMO_STAFF.reporter.email);
    await page.goto(`${baseUrl}/newsroom/account`);
    const form = page.locator("form").first();
    await expect.poll(() => form.textContent()).toContain("관리자만 바꿀 수 있습니다");
    expect(await form.textContent()).toContain(DEMO_STAFF.reporter.bylineEmail);
    expect(await page.locator('input[name="name"], input[name="bylineEmail"]').count()).toBe(0);
    expect(await rightEdge(page, "form")).toBeLessThanOrEqual(360);
    await page.screenshot({ path: await screenshotPath("account-byline-locked-360"), fullPage: true });
  });

  it("an admin giving a new account an active colleague's name gets a clear Korean refusal, and what was typed stays", async () => {
    const page = await phoneSignedIn(DEMO_STAFF.admin.email);
    await page.goto(`${baseUrl}/newsroom/staff`);
    await page.fill('input[name="name"]', `${DEMO_STAFF.editor.name} `);
    await page.fill('input[name="email"]', `second.${Date.now()}@newsroom.test`);
    await page.fill('input[name="title"]', "기자");
    await page.click("text=계정 만들기");
    await expect.poll(() => page.textContent('[role="alert"]')).toContain("같은 이름으로 활동 중인 직원이 이미 있습니다");
    expect(await page.inputValue('input[name="name"]')).toBe(`${DEMO_STAFF.editor.name} `);
    expect(await rightEdge(page, '[role="alert"]')).toBeLessThanOrEqual(360);
    await page.screenshot({ path: await screenshotPath("staff-duplicate-name-360"), fullPage: true });
  });
});
