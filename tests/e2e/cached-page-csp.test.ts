// Cached reader pages carry a Content-Security-Policy without nonces (issue 24): every reader,
// and a shared cache (CDN) in front, gets the same bytes and the same policy. They come without
// the Next.js runtime (reader-islands.test.ts), so the policy allows scripts from the site and the
// hash of the one inline script left (the saved text size); a page rendered with the runtime (a
// cache of the test's own, below) lists the hashes of Next's inline scripts. The page's own
// scripts run, and an inline script that is not one of them is blocked, whether it was put into
// the page before it was stored (stored content printed unescaped), on its way (a tampered copy)
// or into the copy a shared cache keeps.
import { createServer, request, type Server } from "node:http";
import { brotliCompressSync, brotliDecompressSync } from "node:zlib";
import type { Browser, BrowserContext, Page, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_STAFF } from "@/lib/seed/demo-newsroom";
import { ResponseCache, type Render } from "@/server/response-cache/response-cache";
import { demoStoryPath } from "../support/app-database";
import { inChromium, launchBrowser, screenshotPath } from "../support/browser";
import { signInOverHttp } from "../support/http-session";
import { startSharedCache, type SharedCache } from "../support/shared-cache";

const baseUrl = inject("appBaseUrl");
const password = inject("demoPassword");

interface Violation {
  directive: string;
  blocked: string;
}

/**
 * A page that records every CSP violation it sees (the listener is added by the DevTools
 * protocol before any of the page's scripts, and is not subject to the page's policy).
 */
async function watchedPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const seen: { directive: string; blocked: string }[] = [];
    (window as unknown as { cspViolations: typeof seen }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push({ directive: event.effectiveDirective, blocked: event.blockedURI }));
  });
  return page;
}

const violationsIn = (page: Page) => page.evaluate(() => (window as unknown as { cspViolations: Violation[] }).cspViolations);
const injectedRuns = (page: Page) => page.evaluate(() => (window as unknown as { injectedRuns?: number }).injectedRuns ?? 0);

/**
 * The reader bundle hydrated the page's islands (the reactions bar fetched its counts) and
 * Next.js's runtime is not there.
 */
async function expectIslandsHydrated(page: Page): Promise<void> {
  await expect.poll(() => page.locator('[data-testid="reaction-count-LIKE"]').textContent()).not.toBe("-");
  expect(await page.evaluate(() => typeof (window as unknown as { __next_f?: unknown }).__next_f)).toBe("undefined");
  await page.waitForLoadState("load");
}

/** Next.js's client booted: its inline scripts (the RSC payload, the chunk list) ran. */
async function expectBooted(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => typeof (window as unknown as { __next_f?: unknown }).__next_f)).toBe("object");
  await expect.poll(() => page.evaluate(() => typeof (globalThis as unknown as { TURBOPACK?: unknown }).TURBOPACK)).toBe("object");
  await page.waitForLoadState("load");
}

/**
 * Two inline scripts to smuggle into a page: a bare one, and one with every attribute the page's
 * own first inline script has (its nonce, if the page has one: what an attacker who read the
 * page would copy).
 */
function smuggledScripts(html: string): string {
  const ownAttributes = /<script((?:\s+(?!src=|type=)[a-z-]+="[^"]*")*)>(?!<\/script>)/.exec(html)?.[1] ?? "";
  const run = "window.injectedRuns=(window.injectedRuns||0)+1";
  return `<script>${run}</script><script${ownAttributes}>${run}</script>`;
}

/** The raw bytes of an answer, as they came over the wire (no decoding). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on("error", reject)
      .end();
  });
}

describe("cached pages: a policy of script hashes, the same for every reader", inChromium, () => {
  let browser: Browser;
  let articlePath: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    articlePath = await demoStoryPath("고양특례시");
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
  });

  async function reader(width: number): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    contexts.push(context);
    return context;
  }

  it("two readers (a phone and a computer) get byte-identical pages and policies from the cache; the page's scripts run", async () => {
    await (await fetch(`${baseUrl}${articlePath}`)).arrayBuffer();
    const seen: { body: Buffer; policy: string }[] = [];
    for (const width of [360, 1280]) {
      const page = await watchedPage(await reader(width));
      const response = (await page.goto(`${baseUrl}${articlePath}`)) as Response;
      expect(response.headers()["x-cache"]).toBe("HIT");
      await expectIslandsHydrated(page);
      expect(await violationsIn(page)).toEqual([]);
      seen.push({ body: await response.body(), policy: response.headers()["content-security-policy"] ?? "" });
      await page.screenshot({ path: await screenshotPath(`cached-article-hash-csp-${width}`), fullPage: false });
    }
    const [phone, computer] = seen;
    // Scripts only from the site and the one inline script's hash: no nonce, no 'strict-dynamic', no 'unsafe-inline'.
    expect(/script-src [^;]*/.exec(phone?.policy ?? "")?.[0]).toMatch(/^script-src 'self' 'sha256-[A-Za-z0-9+/]+=*'$/);
    expect(computer?.policy).toBe(phone?.policy);
    expect(computer?.body.equals(phone?.body ?? Buffer.alloc(0))).toBe(true);
    expect(phone?.body.toString()).not.toMatch(/nonce="/);

    // On the wire too: the same compressed bytes for the same encoding.
    const wire = [];
    for (let i = 0; i < 2; i += 1) wire.push(await rawGet(`${baseUrl}${articlePath}`, { "accept-encoding": "br" }));
    expect(wire[0]?.headers["content-encoding"]).toBe("br");
    expect(wire[1]?.body.equals(wire[0]?.body ?? Buffer.alloc(0))).toBe(true);
    expect(wire[1]?.headers["content-security-policy"]).toBe(phone?.policy);
  });

  it("an inline script put into a cached page on its way is blocked, even one copying the page's own scripts' attributes; the page's own still run", async () => {
    await (await fetch(`${baseUrl}${articlePath}`)).arrayBuffer();
    const page = await watchedPage(await reader(1280));
    await page.route(
      (url) => url.pathname === new URL(articlePath, baseUrl).pathname,
      async (route) => {
        const response = await route.fetch();
        const html = await response.text();
        const headers = { ...response.headers() };
        // route.fetch() decoded the body: sent on as it is now.
        delete headers["content-encoding"];
        delete headers["content-length"];
        await route.fulfill({ status: response.status(), headers, body: html.replace("</body>", `${smuggledScripts(html)}</body>`) });
      },
    );
    const response = (await page.goto(`${baseUrl}${articlePath}`)) as Response;
    expect(response.headers()["x-cache"]).toBe("HIT");
    await expectIslandsHydrated(page);
    expect(await injectedRuns(page)).toBe(0);
    const violations = await violationsIn(page);
    // The two smuggled scripts, and nothing of the page's own.
    expect(violations).toEqual([
      { directive: "script-src-elem", blocked: "inline" },
      { directive: "script-src-elem", blocked: "inline" },
    ]);
  });

  it("a script that was in the page when it was rendered, without the render's nonce (stored content printed unescaped), gets no hash and is blocked", async () => {
    // A cache of the test's own in front of the app, whose renders are the app's own (a staff
    // session's, so Next.js renders it afresh with a nonce) with such a script added: the app
    // prints no stored content unescaped, so the test adds it where a flaw would.
    const session = await signInOverHttp(baseUrl, DEMO_STAFF.editor.email, password);
    const staleNonce = "c3RhbGUtbm9uY2UtZnJvbQ==";
    const render: Render = async (req) => {
      const response = await fetch(`${baseUrl}${req.url}`, { headers: { cookie: session.cookie } });
      const html = await response.text();
      const run = "window.injectedRuns=(window.injectedRuns||0)+1";
      return {
        status: response.status,
        headers: { "content-type": response.headers.get("content-type") ?? undefined, "content-security-policy": response.headers.get("content-security-policy") ?? undefined },
        body: Buffer.from(html.replace("</body>", `<script>${run}</script><script nonce="${staleNonce}">${run}</script></body>`)),
        tags: new Set(["site"]),
      };
    };
    const cache = new ResponseCache({ maxBytes: 16 * 1024 * 1024 });
    const origin = new URL(baseUrl);
    const server: Server = createServer((req, res) => {
      if (new URL(req.url ?? "/", baseUrl).pathname === new URL(articlePath, baseUrl).pathname) {
        void Promise.resolve(cache.handle(req, res, render));
        return;
      }
      req.pipe(request({ host: origin.hostname, port: origin.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const address = server.address();
      const front = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
      const page = await watchedPage(await reader(1280));
      const response = (await page.goto(`${front}${articlePath}`)) as Response;
      expect(response.headers()["x-cache"]).toBe("MISS");
      expect(response.headers()["content-security-policy"]).toMatch(/script-src 'self' 'sha256-/);
      await expectBooted(page);
      expect(await injectedRuns(page)).toBe(0);
      expect((await violationsIn(page)).map((violation) => violation.blocked)).toEqual(["inline", "inline"]);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  describe("behind a shared cache (a CDN keeping pages for their s-maxage)", () => {
    let shared: SharedCache;
    beforeAll(async () => {
      shared = await startSharedCache(baseUrl);
    });
    afterAll(async () => {
      await shared?.close();
    });

    it("the copy it keeps works for every later reader, holds no nonce to reuse, and a script slipped into it is blocked", async () => {
      const answers: Response[] = [];
      for (const width of [360, 1280]) {
        const page = await watchedPage(await reader(width));
        const response = (await page.goto(`${shared.baseUrl}${articlePath}`)) as Response;
        await expectIslandsHydrated(page);
        expect(await violationsIn(page)).toEqual([]);
        answers.push(response);
      }
      expect(answers.map((answer) => answer.headers()["x-shared-cache"])).toEqual(["MISS", "HIT"]);
      expect(answers[0]?.headers()["cache-control"]).toMatch(/public, max-age=0, s-maxage=\d+/);
      const [kept] = shared.keptFor(articlePath);
      if (!kept) throw new Error("the shared cache kept no copy of the article");
      expect(String(kept.headers["content-security-policy"])).not.toMatch(/nonce/);
      expect(kept.headers["content-encoding"]).toBe("br");
      const html = brotliDecompressSync(kept.body).toString();
      expect(html).not.toMatch(/nonce="/);

      // The kept copy altered (a poisoned CDN entry, or stored content that slipped a script in):
      // its scripts hold no secret that would let the addition run.
      kept.body = brotliCompressSync(Buffer.from(html.replace("</body>", `${smuggledScripts(html)}</body>`)));
      kept.headers["content-length"] = String(kept.body.length);
      const page = await watchedPage(await reader(360));
      const response = (await page.goto(`${shared.baseUrl}${articlePath}`)) as Response;
      expect(response.headers()["x-shared-cache"]).toBe("HIT");
      await expectIslandsHydrated(page);
      expect(await injectedRuns(page)).toBe(0);
      expect((await violationsIn(page)).map((violation) => violation.blocked)).toEqual(["inline", "inline"]);
    });
  });
});
