// The reader-page strip (server/response-cache/reader-page-strip.ts) on a real article page as
// the app rendered it (tests/fixtures/cached-article-page.html, saved from a running app by
// `npm run bench`), alone and where the response cache stores a page.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheTag } from "@/lib/cache/cache-tags";
import { clientModuleVerdictFrom } from "@/server/response-cache/client-module-files";
import { withoutNextRuntime } from "@/server/response-cache/reader-page-strip";
import { ResponseCache, type Render } from "@/server/response-cache/response-cache";

const page = readFileSync(path.join(import.meta.dirname, "../fixtures/cached-article-page.html"));
const BUNDLE_URL = "/_islands/reader.ABCD2345.js";
const MODULE_SCRIPT = `<script type="module" fetchpriority="low" src="${BUNDLE_URL}"></script>`;

// The client modules the fixture's RSC payload names, as that build's manifests list them.
const FILES_OF_THE_FIXTURE_BUILD = new Map<string, Set<string>>(
  Object.entries({
    "68017": "node_modules/next/dist/esm/client/components/http-access-fallback/error-boundary.js",
    "39756": "node_modules/next/dist/esm/client/components/layout-router.js",
    "37457": "node_modules/next/dist/esm/client/components/render-from-template-context.js",
    "97367": "node_modules/next/dist/esm/lib/framework/boundary-components.js",
    "68027": "node_modules/next/dist/client/components/builtin/global-error.js",
    "27201": "node_modules/next/dist/esm/lib/metadata/generate/icon-mark.js",
    "17830": "components/subscriptions/subscribe-form.tsx",
    "8153": "components/article/article-tools.tsx",
    "95957": "components/article/view-beacon.tsx",
    "18207": "components/reactions/reactions-bar.tsx",
    "44190": "components/comments/comments-island.tsx",
  }).map(([id, file]) => [id, new Set([file])]),
);
const clientModuleVerdict = clientModuleVerdictFrom(FILES_OF_THE_FIXTURE_BUILD);

const scriptTagsOf = (html: string) => html.match(/<script\b[^>]*>/g) ?? [];
const stylesheetsOf = (html: string) => html.match(/<link rel="stylesheet"[^>]*>/g) ?? [];
const fontSizeScript = (html: string) => /<script(?: nonce="[^"]*")?>(try\{var s=localStorage[^<]*)<\/script>/.exec(html)?.[1];

describe("a reader page without the Next.js runtime", () => {
  it("loses Next's scripts, its RSC payload and script preloads; keeps JSON-LD, the saved text size, the stylesheets; loads the reader bundle at the end of the body", () => {
    const before = page.toString("utf8");
    expect(scriptTagsOf(before).some((tag) => tag.includes('src="/_next/'))).toBe(true);
    const result = withoutNextRuntime(page, { bundleUrl: BUNDLE_URL, clientModuleVerdict });
    if (!result.stripped) throw new Error(`not stripped: ${result.reason}`);
    const html = result.body.toString("utf8");
    expect(scriptTagsOf(html)).toEqual(['<script type="application/ld+json">', "<script>", `<script type="module" fetchpriority="low" src="${BUNDLE_URL}">`]);
    expect(html.includes("__next_f")).toBe(false);
    expect(html.includes("TURBOPACK")).toBe(false);
    expect(/<link[^>]*as="script"/.test(html)).toBe(false);
    expect(html.endsWith(`${MODULE_SCRIPT}</body></html>`)).toBe(true);
    expect(stylesheetsOf(html)).toEqual(stylesheetsOf(before));
    expect(fontSizeScript(html)).toBe(fontSizeScript(before));
    // The JSON-LD whole, and the page's text (Korean, as bytes: nothing re-encoded).
    const jsonLd = /<script type="application\/ld\+json">[^<]*<\/script>/.exec(before)?.[0] ?? "missing";
    expect(html.includes(jsonLd)).toBe(true);
    const headline = /<h1[^>]*>[\s\S]*?<\/h1>/.exec(before)?.[0] ?? "missing";
    expect(html.includes(headline)).toBe(true);
    // The payload was two thirds of the page.
    expect(result.body.length).toBeLessThan(page.length / 2);
  });

  it("keeps the page whole, naming the component, when it renders a client component that is not an island", () => {
    const withUnknown = new Map(FILES_OF_THE_FIXTURE_BUILD);
    withUnknown.set("18207", new Set(["components/claims/claim-form.tsx"]));
    const result = withoutNextRuntime(page, { bundleUrl: BUNDLE_URL, clientModuleVerdict: clientModuleVerdictFrom(withUnknown) });
    expect(result).toEqual({ stripped: false, reason: "it renders the client component components/claims/claim-form.tsx, which is not an island" });
    // A module id no manifest lists (a build that does not match the manifests read) is not trusted either.
    const missing = new Map(FILES_OF_THE_FIXTURE_BUILD);
    missing.delete("44190");
    expect(withoutNextRuntime(page, { bundleUrl: BUNDLE_URL, clientModuleVerdict: clientModuleVerdictFrom(missing) })).toMatchObject({ stripped: false, reason: expect.stringContaining("44190") as string });
  });

  it("leaves a page that is not a Next.js render alone", () => {
    const plain = Buffer.from("<html><body><p>hi</p><script>boot()</script></body></html>");
    expect(withoutNextRuntime(plain, { bundleUrl: BUNDLE_URL, clientModuleVerdict })).toEqual({ stripped: false, reason: "it has no RSC payload" });
  });
});

describe("where the response cache stores a reader page", () => {
  const NONCE = "cmVhZGVyLXBhZ2Utbm9uY2U=";
  // The page as Next.js renders it, before the cache: its inline scripts carry the render's nonce.
  const rendered = Buffer.from(page.toString("latin1").replace(/<script(?![^>]*ld\+json)/g, `<script nonce="${NONCE}"`), "latin1");
  let server: Server;
  let base = "";
  let cache: ResponseCache;
  let strip = true;

  const render: Render = () =>
    Promise.resolve({
      status: 200,
      headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": `default-src 'self'; script-src 'self' 'nonce-${NONCE}' 'strict-dynamic'; object-src 'none'` },
      body: rendered,
      tags: new Set([cacheTag.story(51000)]),
    });

  beforeAll(async () => {
    cache = new ResponseCache({
      maxBytes: 16 * 1024 * 1024,
      stripReaderPage: (body) => {
        if (!strip) return null;
        const result = withoutNextRuntime(body, { bundleUrl: BUNDLE_URL, clientModuleVerdict });
        return result.stripped ? result.body : null;
      },
    });
    server = createServer((req, res) => void Promise.resolve(cache.handle(req, res, render)));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("the miss and every hit get the page without Next's runtime, under a policy of 'self' and the one inline script left (the saved text size)", async () => {
    strip = true;
    cache.invalidate([cacheTag.site]);
    for (const expected of ["MISS", "HIT"]) {
      const response = await fetch(`${base}/articles/51000`);
      expect(response.headers.get("x-cache")).toBe(expected);
      const html = await response.text();
      // Booleans: a failure prints no 30 KB page.
      expect(scriptTagsOf(html).filter((tag) => tag.includes("/_next/"))).toEqual([]);
      expect(html.includes("__next_f")).toBe(false);
      expect(html.includes("nonce")).toBe(false);
      expect(html.includes(MODULE_SCRIPT)).toBe(true);
      const fontSize = fontSizeScript(html) ?? "missing";
      const hash = createHash("sha256").update(fontSize).digest("base64");
      expect(response.headers.get("content-security-policy")).toBe(`default-src 'self'; script-src 'self' 'sha256-${hash}'; object-src 'none'`);
    }
  });

  it("a page kept whole keeps today's policy: the hashes of Next's inline scripts", async () => {
    strip = false;
    cache.invalidate([cacheTag.site]);
    const response = await fetch(`${base}/articles/51000`);
    const html = await response.text();
    expect(html.includes("__next_f")).toBe(true);
    expect(html.includes(MODULE_SCRIPT)).toBe(false);
    expect(/script-src ([^;]*)/.exec(response.headers.get("content-security-policy") ?? "")?.[1]?.match(/'sha256-/g)?.length).toBeGreaterThan(2);
  });
});
