// The hit lane (server/hit-lane.ts): plain GETs the response cache holds are answered before the
// per-request shell; everything else is left untouched for the full path. Against a real HTTP
// server with a stand-in renderer.
import { createServer, request, type Server } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cacheTag } from "@/lib/cache/cache-tags";
import { metrics } from "@/lib/observability/metrics";
import { createHitLane, type HitLane } from "@/server/hit-lane";
import { ResponseCache, type Render } from "@/server/response-cache/response-cache";

let cache: ResponseCache;
let lane: HitLane;
/** Requests the lane left to the full path. */
let leftToFullPath = 0;
let server: Server;
let port = 0;

const render: Render = (req) =>
  Promise.resolve({ status: 200, headers: { "content-type": "text/html; charset=utf-8" }, body: Buffer.from(`<p>${req.url}</p>`), tags: new Set([cacheTag.story(1)]) });

beforeAll(async () => {
  server = createServer((req, res) => {
    if (lane.answer(req, res)) return;
    leftToFullPath += 1;
    void Promise.resolve(cache.handle(req, res, render)).then((outcome) => {
      if (outcome === "PASS") {
        res.writeHead(200, { "x-cache": "PASS" });
        res.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  port = typeof address === "object" && address ? address.port : 0;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  cache = new ResponseCache({ maxBytes: 1024 * 1024, siteHeaders: { "strict-transport-security": "max-age=63072000" } });
  lane = createHitLane(cache);
  leftToFullPath = 0;
});

/** A raw request (fetch would normalise "//" and refuse a GET body). */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method: options.method ?? "GET", headers: options.headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

async function hitCount(): Promise<number> {
  lane.flushMetrics();
  return (await metrics().cacheEvents.get()).values.find((value) => value.labels.outcome === "hit")?.value ?? 0;
}

describe("hit lane", () => {
  it("answers a stored page itself, with the site's headers, and counts it when the metrics are read", async () => {
    const before = await hitCount();
    const miss = await send("/articles/7");
    expect(miss.headers["x-cache"]).toBe("MISS");
    expect(leftToFullPath).toBe(1);
    const hit = await send("/articles/7");
    expect(hit.headers["x-cache"]).toBe("HIT");
    expect(hit.body).toBe(miss.body);
    expect(hit.headers["strict-transport-security"]).toBe("max-age=63072000");
    expect(leftToFullPath, "the hit never reached the full path").toBe(1);
    await send("/articles/7");
    expect(await hitCount()).toBe(before + 2);
    expect(cache.store.snapshot().hits, "the cache's own count (its /metrics gauge) too").toBe(2);
    const articles = (await metrics().httpRequests.get()).values.find((value) => value.labels.route === "article" && value.labels.method === "GET" && value.labels.status === "2xx");
    expect(articles?.value).toBeGreaterThanOrEqual(2);
  });

  it("leaves to the full path what admitRequest or a session check must see: HEAD, a session cookie, an address to refuse or redirect, a body", async () => {
    await send("/articles/8");
    // Stored here under their own addresses (the stand-in server has no admitRequest), so only
    // the lane's own check keeps them from being answered as hits below.
    for (const path of ["/articles//8", "/articles/8/", "/articles/%F0%9F"]) expect((await send(path)).headers["x-cache"]).toBe("MISS");
    leftToFullPath = 0;
    for (const path of ["/articles//8", "/articles/8/", "/articles/%F0%9F"]) await send(path);
    expect(leftToFullPath, "an address admitRequest refuses or redirects").toBe(3);
    leftToFullPath = 0;
    await send("/articles/8", { method: "HEAD" });
    await send("/articles/8", { headers: { cookie: "__Secure-next-auth.session-token=abc; next-auth.session-token=abc" } });
    await send("/articles/8", { headers: { "content-length": "5" }, body: "hello" });
    await send("/articles/8", { headers: { "transfer-encoding": "chunked" }, body: "hello" });
    expect(leftToFullPath).toBe(4);
    // And a page not stored yet.
    await send("/articles/9");
    expect(leftToFullPath).toBe(5);
  });
});
