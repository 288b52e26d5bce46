// The response cache in front of the real app: readers' pages come from memory, the same bytes
// and policy (script hashes, no nonce) for everyone, and still run their scripts in Chromium;
// staff sessions go around it; a publication made through the API drops the stale pages at once.
import type { Browser } from "playwright-core";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_STAFF } from "@/lib/seed/demo-newsroom";
import { inChromium, launchBrowser } from "../support/browser";
import { signInOverHttp } from "../support/http-session";

const baseUrl = inject("appBaseUrl");
const databaseUrl = inject("appDatabaseUrl");
const password = inject("demoPassword");

async function firstRow<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T | undefined> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows[0];
  } finally {
    await client.end();
  }
}

/** The cache's entries and bytes, as /metrics reports them (this machine may scrape it). */
async function cacheSize(): Promise<{ entries: number; bytes: number }> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const gauge = (name: string) => Number(new RegExp(`^${name} (\\d+)`, "m").exec(text)?.[1] ?? Number.NaN);
  return { entries: gauge("newsroom_response_cache_entries"), bytes: gauge("newsroom_response_cache_bytes") };
}

describe("the response cache in front of the app", () => {
  it("answers a reader's second visit from memory, the same page and policy for everyone: scripts from the site, no nonce", async () => {
    await fetch(`${baseUrl}/sections/culture`);
    const responses = await Promise.all([fetch(`${baseUrl}/sections/culture`), fetch(`${baseUrl}/sections/culture`)]);
    const answers = new Set<string>();
    for (const response of responses) {
      expect(response.headers.get("x-cache")).toBe("HIT");
      const policy = response.headers.get("content-security-policy") ?? "";
      // A section page keeps no inline script once Next.js's runtime is out (the reader bundle is a file).
      expect(/script-src [^;]*/.exec(policy)?.[0]).toBe("script-src 'self'");
      expect(policy).not.toMatch(/nonce/);
      const body = await response.text();
      expect(body).not.toMatch(/nonce="/);
      answers.add(`${policy}\n${body}`);
    }
    expect(answers.size).toBe(1);
  });

  it("a staff session goes around the cache", async () => {
    const session = await signInOverHttp(baseUrl, DEMO_STAFF.editor.email, password);
    await fetch(`${baseUrl}/`);
    const staffView = await fetch(`${baseUrl}/`, { headers: { cookie: session.cookie } });
    expect(staffView.headers.get("x-cache")).toBeNull();
    expect(staffView.headers.get("cache-control") ?? "").not.toMatch(/public/);
  });

  it("a publication through the API drops the stale home page at once", async () => {
    // A story of this test's own: the demo's submitted stories belong to other test files.
    const reporter = await signInOverHttp(baseUrl, DEMO_STAFF.reporter.email, password);
    // Filed under a section, with a body long enough for the desk's submission checks.
    const { sections } = (await (await reporter.request("GET", "/api/v1/sections")).json()) as { sections: { id: number }[] };
    const created = await reporter.request("POST", "/api/v1/articles", {
      headline: `캐시 무효화 시험 기사 ${Date.now()}`,
      sectionId: sections[0]?.id,
      origin: "OWN_REPORTING",
      body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "캐시 시험 본문. ".repeat(20) }] }] },
    });
    expect(created.status).toBe(201);
    const { article } = (await created.json()) as { article: { id: number } };
    expect((await reporter.request("POST", `/api/v1/articles/${article.id}/submit`)).status).toBe(200);
    const story = await firstRow<{ id: number; version: number }>(`SELECT id, version FROM "Article" WHERE id = $1`, [article.id]);
    if (!story) throw new Error("the story was not created");
    await fetch(`${baseUrl}/`);
    expect((await fetch(`${baseUrl}/`)).headers.get("x-cache")).toBe("HIT");
    const link = `href="/articles/${story.id}/`;
    expect(await (await fetch(`${baseUrl}/`)).text()).not.toContain(link);
    const session = await signInOverHttp(baseUrl, DEMO_STAFF.editor.email, password);
    const approved = await session.request("POST", `/api/v1/articles/${story.id}/approve`, { version: story.version });
    expect(approved.status).toBe(200);
    await expect.poll(async () => (await fetch(`${baseUrl}/`)).text(), { timeout: 1_000, interval: 50 }).toContain(link);
  });

  it("a dummy session cookie does not go around the cache: only one that verifies does", async () => {
    await fetch(`${baseUrl}/sections/culture`);
    for (const cookie of ["next-auth.session-token=x", "__Secure-next-auth.session-token=forged.jwt.value", "next-auth.session-token=; other=1"]) {
      expect((await fetch(`${baseUrl}/sections/culture`, { headers: { cookie } })).headers.get("x-cache"), cookie).toBe("HIT");
    }
  });

  it("share links: 300 requests with random tracking parameters after one warm request are 300 hits, and the cache does not grow", async () => {
    const story = await firstRow<{ id: number }>(`SELECT id FROM "Article" WHERE status = 'PUBLISHED' AND "liveRevisionId" IS NOT NULL AND "publishedAt" <= now() ORDER BY id LIMIT 1`);
    if (!story) throw new Error("the demo has no published story");
    const canonical = new URL((await fetch(`${baseUrl}/articles/${story.id}`)).url).pathname;
    expect((await fetch(`${baseUrl}${canonical}`)).status).toBe(200);
    const before = await cacheSize();
    const random = () => Math.random().toString(36).slice(2, 10);
    const trackers = ["utm_source", "utm_medium", "utm_campaign", "fbclid", "gclid", "igshid", "ref", random()];
    const outcomes: string[] = [];
    for (let batch = 0; batch < 30; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 10 }, async (_, i) => {
          const query = new URLSearchParams([[trackers[(batch + i) % trackers.length] ?? "x", random()], [random(), random()]]);
          const response = await fetch(`${baseUrl}${canonical}?${query}`);
          await response.arrayBuffer();
          return response.headers.get("x-cache") ?? "none";
        }),
      );
      outcomes.push(...answers);
    }
    expect(outcomes.filter((outcome) => outcome === "HIT").length).toBe(300);
    const after = await cacheSize();
    expect(after.entries).toBeLessThanOrEqual(before.entries);
    expect(after.bytes).toBeLessThanOrEqual(before.bytes);
  }, 180_000);

  it("the canonical redirect of a shared short address keeps its query string, from the cache too", async () => {
    const story = await firstRow<{ id: number }>(`SELECT id FROM "Article" WHERE status = 'PUBLISHED' AND "liveRevisionId" IS NOT NULL AND "publishedAt" <= now() ORDER BY id LIMIT 1`);
    if (!story) throw new Error("the demo has no published story");
    const answers = [];
    for (const query of ["utm_source=x", "utm_source=kakao&fbclid=IwAR0abc", "utm_source=x"]) {
      const response = await fetch(`${baseUrl}/articles/${story.id}?${query}`, { redirect: "manual" });
      expect(response.status).toBe(308);
      const location = new URL(response.headers.get("location") ?? "", baseUrl);
      expect(location.pathname).toMatch(new RegExp(`^/articles/${story.id}/.+`));
      expect(location.search).toBe(`?${query}`);
      answers.push(response.headers.get("x-cache"));
    }
    expect(answers.at(-1)).toBe("HIT");
    // Staff go around the cache: the page's own redirect keeps the query string too.
    const session = await signInOverHttp(baseUrl, DEMO_STAFF.editor.email, password);
    const staff = await fetch(`${baseUrl}/articles/${story.id}?utm_source=x&utm_source=y`, { redirect: "manual", headers: { cookie: session.cookie } });
    expect(staff.headers.get("x-cache")).toBeNull();
    expect(staff.status).toBe(308);
    expect(new URL(staff.headers.get("location") ?? "", baseUrl).search).toBe("?utm_source=x&utm_source=y");
  });

  it("revalidation costs a 304", async () => {
    const first = await fetch(`${baseUrl}/sections/economy`);
    await first.arrayBuffer();
    const again = await fetch(`${baseUrl}/sections/economy`, { headers: { "if-none-match": first.headers.get("etag") ?? "" } });
    expect(again.status).toBe(304);
  });
});

describe("cached pages in Chromium", inChromium, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("a page served from the cache runs its scripts with no CSP violation", async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to execute/i.test(message.text())) violations.push(message.text());
    });
    await fetch(`${baseUrl}/`);
    const response = await page.goto(`${baseUrl}/`);
    expect(response?.headers()["x-cache"]).toBe("HIT");
    // The reader bundle ran and hydrated the footer's newsletter button (it opens its form).
    await page.locator(".site-footer__newsletter").getByRole("button", { name: "아침 뉴스레터 받기" }).click();
    await page.locator(".site-footer__newsletter").getByLabel("이메일").waitFor();
    expect(violations).toEqual([]);
    await page.close();
  });

  it("a page reached through a shared link keeps its tracking parameters in the address bar", async () => {
    const page = await browser.newPage();
    const address = `${baseUrl}/sections/culture?utm_source=kakaotalk&fbclid=IwAR0share`;
    await fetch(address);
    const response = await page.goto(address);
    expect(response?.headers()["x-cache"]).toBe("HIT");
    // Whatever runs on the page (Next.js's router wrote its own idea of the address into history
    // once it booted; the reader bundle that replaces it on cached pages must not either).
    await page.locator(".site-footer__newsletter").getByRole("button", { name: "아침 뉴스레터 받기" }).click();
    await page.locator(".site-footer__newsletter").getByLabel("이메일").waitFor();
    await page.waitForLoadState("networkidle");
    expect(await page.evaluate(() => location.search)).toBe("?utm_source=kakaotalk&fbclid=IwAR0share");
    await page.close();
  });
});
