// What an outside probe tries (huge bodies, odd methods and paths, garbage for server actions,
// misconfiguration, an open redirect), against the real server.
import { request as httpRequest } from "node:http";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_STAFF } from "@/lib/seed/demo-newsroom";
import { inChromium, launchBrowser } from "../support/browser";
import { postCredentials, signInOverHttp } from "../support/http-session";
import { processTreeRssMb } from "../support/process-memory";

const baseUrl = inject("appBaseUrl");
const password = inject("demoPassword");
const appPid = inject("appPid");
const { port } = new URL(baseUrl);

const MB = 1024 * 1024;

/**
 * Sends a large body without ever holding it: `total` bytes in 1 MB chunks, with or without a
 * Content-Length. Resolves with the status the server answered (or "closed" if it only hung up).
 */
function streamBody(options: { path: string; total: number; chunked: boolean; headers?: Record<string, string> }): Promise<number | "closed"> {
  return new Promise((resolve) => {
    const chunk = Buffer.alloc(MB, "a");
    const headers: Record<string, string | number> = { "content-type": "application/x-www-form-urlencoded", ...options.headers };
    if (!options.chunked) headers["content-length"] = options.total;
    const req = httpRequest({ host: "127.0.0.1", port, method: "POST", path: options.path, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", () => resolve("closed"));
    let sent = 0;
    const pump = () => {
      while (sent < options.total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

describe("request bodies are bounded before anything buffers them", () => {
  it("four parallel 200 MB sign-in posts get 413 and the app's memory stays flat", async () => {
    const before = await processTreeRssMb(appPid);
    let peak = before;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, await processTreeRssMb(appPid));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const results = await Promise.all([
      streamBody({ path: "/api/auth/callback/credentials", total: 200 * MB, chunked: false }),
      streamBody({ path: "/api/auth/callback/credentials", total: 200 * MB, chunked: false }),
      streamBody({ path: "/api/auth/callback/credentials", total: 200 * MB, chunked: true }),
      streamBody({ path: "/api/auth/callback/credentials", total: 200 * MB, chunked: true }),
    ]);
    sampling = false;
    await sampler;
    for (const result of results) expect([413, "closed"]).toContain(result);
    expect(results.filter((result) => result === 413).length).toBeGreaterThanOrEqual(2);
    // 800 MB went at the server; before the limits it grew by about 2 GB.
    expect(peak - before).toBeLessThan(150);
    // And it still serves.
    expect((await fetch(`${baseUrl}/api/health`)).status).toBe(200);
  });

  it("a signed-in 100 MB JSON story is refused with a Korean JSON 413", async () => {
    const session = await signInOverHttp(baseUrl, DEMO_STAFF.reporter.email, password);
    const status = await streamBody({ path: "/api/v1/articles", total: 100 * MB, chunked: false, headers: { "content-type": "application/json", cookie: session.cookie, origin: baseUrl } });
    expect(status).toBe(413);
    const small = await fetch(`${baseUrl}/api/v1/articles`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: session.cookie, origin: baseUrl },
      body: JSON.stringify({ headline: "x", pad: "a".repeat(3 * MB) }),
    });
    expect(small.status).toBe(413);
    expect(await small.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE", message: expect.stringMatching(/너무 큽니다/) } });
  });

  it("a server-action body over 10 MB is a 413, not a 500", async () => {
    const status = await streamBody({ path: "/newsroom/account", total: 11 * MB, chunked: false, headers: { "next-action": "0".repeat(42), origin: baseUrl } });
    expect(status).toBe(413);
  });
});

describe("inputs that produced 500s", () => {
  it("TRACE (and other unknown methods) get 405 on any path", async () => {
    for (const target of ["/", "/api/v1/articles", "/newsroom"]) {
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest({ host: "127.0.0.1", port, method: "TRACE", path: target }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on("error", reject);
        req.end();
      });
      expect(status).toBe(405);
    }
  });

  it("a method an API route does not offer is a JSON 405 with a Korean message (fuzz: PUT /api/v1/articles/./schedule)", async () => {
    const session = await signInOverHttp(baseUrl, DEMO_STAFF.editor.email, password);
    for (const [method, target, cookie] of [
      ["PUT", "/api/v1/articles/./schedule", undefined],
      ["PUT", "/api/v1/articles/schedule", session.cookie],
      ["DELETE", "/api/v1/articles", undefined],
    ] as const) {
      const headers: Record<string, string> = { origin: baseUrl, "content-type": "application/json" };
      if (cookie) headers.cookie = cookie;
      const response = await fetch(`${baseUrl}${target}`, { method, headers, body: method === "DELETE" ? undefined : "{}" });
      expect(response.status, `${method} ${target}`).toBe(405);
      expect(response.headers.get("content-type"), `${method} ${target}`).toMatch(/application\/json/);
      expect(await response.json()).toMatchObject({ error: { code: "METHOD_NOT_ALLOWED", message: "지원하지 않는 요청 방식입니다." } });
    }
  });

  it("an /api address no route answers is a JSON 404 with a Korean message, for any method (an unknown desk step among them)", async () => {
    const session = await signInOverHttp(baseUrl, DEMO_STAFF.editor.email, password);
    for (const [method, target] of [
      ["GET", "/api/v1/nope"],
      ["POST", "/api/v1/articles/1/frobnicate"],
      ["DELETE", "/api/v2/articles/1"],
      ["GET", "/api/v1/articles/1/revisions/1/nope"],
    ] as const) {
      const response = await fetch(`${baseUrl}${target}`, { method, headers: { origin: baseUrl, cookie: session.cookie } });
      expect(response.status, `${method} ${target}`).toBe(404);
      expect(response.headers.get("content-type"), `${method} ${target}`).toMatch(/application\/json/);
      expect(await response.json()).toMatchObject({ error: { code: "NOT_FOUND", message: expect.stringContaining("없는 API 주소") } });
    }
  });

  it("a trailing slash or doubled slash redirects with the address once, and an address too long to redirect to is a 414 (fuzz: /api/v1/articles/..?q=가…)", async () => {
    const query = `q=${encodeURIComponent("가".repeat(900))}`;
    // Node's fetch resolves ".." itself: this asks for /api/v1/?q=…, whose redirect as Next.js
    // makes it carries 16 KB of headers (Location and Refresh), more than fetch reads.
    const slash = await fetch(`${baseUrl}/api/v1/articles/..?${query}`, { redirect: "manual" });
    expect(slash.status).toBe(308);
    expect(slash.headers.get("location")).toBe(`/api/v1?${query}`);
    expect(slash.headers.get("refresh")).toBeNull();
    const doubled = await fetch(`${baseUrl}//evil.example//articles/?x=1`, { redirect: "manual" });
    expect(doubled.status).toBe(308);
    expect(doubled.headers.get("location")).toBe("/evil.example/articles?x=1");
    const tooLong = await fetch(`${baseUrl}/search/?q=${encodeURIComponent("가".repeat(1_500))}`, { redirect: "manual" });
    expect(tooLong.status).toBe(414);
    expect(await tooLong.json()).toMatchObject({ error: { code: "URI_TOO_LONG", message: "주소가 너무 깁니다." } });
  });

  it("a server action with an Origin that cannot be parsed is a 403", async () => {
    const response = await fetch(`${baseUrl}/newsroom/account`, { method: "POST", headers: { "next-action": "0".repeat(42), origin: "::::", "content-type": "text/plain" }, body: "[]" });
    expect(response.status).toBe(403);
  });

  it("garbage sent to real server actions never gets a 500", async () => {
    const manifest = JSON.parse(await readFile(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8")) as { node: Record<string, unknown> };
    const actionIds = Object.keys(manifest.node);
    expect(actionIds.length).toBeGreaterThan(3);
    const session = await signInOverHttp(baseUrl, DEMO_STAFF.admin.email, password);
    const bodies: [string, string][] = [
      ["text/plain;charset=UTF-8", "not json at all {"],
      ["text/plain;charset=UTF-8", '["$@1", {"__proto__": {"x": 1}}]'],
      ["text/plain;charset=UTF-8", "[" + "[".repeat(5000) + "]".repeat(5000) + "]"],
      ["multipart/form-data; boundary=zz", "--zz\r\nContent-Disposition: form-data; name=\"1_$ACTION_ID\"\r\n\r\n\u0000\r\n--zz--"],
      ["application/json", '{"a":'],
    ];
    for (const id of actionIds) {
      for (const [contentType, body] of bodies) {
        const response = await fetch(`${baseUrl}/newsroom/account`, { method: "POST", headers: { "next-action": id, origin: baseUrl, cookie: session.cookie, "content-type": contentType }, body });
        expect(response.status, `${id} with ${body.slice(0, 30)}`).toBeLessThan(500);
      }
    }
  });

  it("the security log answers any page number, 1e309 included", async () => {
    const session = await signInOverHttp(baseUrl, DEMO_STAFF.admin.email, password);
    for (const page of ["1e309", "-5", "abc", "99999999999999999999", "2.5"]) {
      const response = await fetch(`${baseUrl}/newsroom/audit?page=${page}`, { headers: { cookie: session.cookie } });
      expect(response.status, page).toBe(200);
    }
  });

  it("NUL in the sign-in e-mail is refused before the database, with no internal error text", async () => {
    const response = await postCredentials(baseUrl, { email: "intern-nul@newsroom.test\u0000", password: "whatever-password" });
    const where = `${response.status} ${response.headers.get("location") ?? ""} ${await response.text()}`;
    expect(where).not.toMatch(/prisma|queryRaw|22021|invalid byte|postgres/i);
    expect(where).toMatch(/CredentialsSignin/);
  });
});

describe("configuration that quietly went wrong", () => {
  it("every HTML response carries a CSP (a nonce, or from the cache scripts from the site and script hashes), prefetches included", async () => {
    const variants: Record<string, string>[] = [{}, { purpose: "prefetch" }, { "next-router-prefetch": "1" }, { "sec-purpose": "prefetch" }];
    for (const headers of variants) {
      const response = await fetch(`${baseUrl}/`, { headers });
      expect(response.headers.get("content-type")).toMatch(/text\/html/);
      // A cached page without Next.js's runtime may have no inline script left to list: `script-src 'self'` alone.
      const scriptSrc = /script-src [^;]*/.exec(response.headers.get("content-security-policy") ?? "")?.[0];
      expect(scriptSrc, JSON.stringify(headers)).toMatch(/^script-src 'self'( 'nonce-[^']+'| 'strict-dynamic'| 'sha256-[^']+'| https:\/\/\S+)*$/);
    }
  });

  it("sign-in answers carry the configured address, never localhost:3000", async () => {
    const providers = await (await fetch(`${baseUrl}/api/auth/providers`)).json();
    expect(JSON.stringify(providers)).toContain(baseUrl);
    expect(JSON.stringify(providers)).not.toContain("localhost:3000");
  });

  it("a successful sign-in sets an HttpOnly device cookie, sent only to the sign-in endpoints", async () => {
    const session = await signInOverHttp(baseUrl, DEMO_STAFF.editor.email, password);
    const device = session.setCookies.find((line) => line.startsWith("newsroom-device="));
    expect(device).toMatch(/Path=\/api\/auth/);
    expect(device).toMatch(/HttpOnly/);
    expect(device).toMatch(/SameSite=Lax/);
  });
});

describe("the open redirect after sign-in", inChromium, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const tricks = ["/.//evil.example", "/..//evil.example", "/x/..//evil.example", "/%2e//evil.example", "//evil.example", "/\\evil.example"];

  it.each(tricks)("signing in through the real form with callbackUrl %j stays on this site", async (trick) => {
    const context = await browser.newContext();
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/login?callbackUrl=${encodeURIComponent(trick)}`);
    await page.fill('input[name="email"]', DEMO_STAFF.reporter.email);
    await page.fill('input[name="password"]', password);
    await page.click('button[type="submit"]');
    await page.waitForURL((url) => url.pathname !== "/login", { timeout: 15_000 });
    expect(new URL(page.url()).host).toBe(new URL(baseUrl).host);
    // Signed in, the login page itself redirects: its Location must be a plain site path.
    const response = await context.request.get(`${baseUrl}/login?callbackUrl=${encodeURIComponent(trick)}`, { maxRedirects: 0 });
    const location = response.headers()["location"] ?? "";
    expect(location.startsWith("//")).toBe(false);
    expect(new URL(location, baseUrl).host).toBe(new URL(baseUrl).host);
    await context.close();
  });
});
