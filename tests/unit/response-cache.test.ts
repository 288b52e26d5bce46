// The response cache's rules, against a real HTTP server with a stand-in renderer.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { createHash, randomBytes } from "node:crypto";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cacheTag } from "@/lib/cache/cache-tags";
import { isReaderChatter, tagsForEvent } from "@/lib/cache/tags-for-event";
import { MAX_VARIANTS_PER_PATH } from "@/server/response-cache/cache-store";
import { ResponseCache, type CapturedResponse, type Render } from "@/server/response-cache/response-cache";

let renders = 0;
/** Renders that have returned (or thrown). */
let rendersDone = 0;
let outcomesAtFinish: string[] = [];
let renderDelayMs = 0;
let nextRender: (path: string) => Partial<CapturedResponse> = () => ({});
let clock = 1_000_000;
let cache: ResponseCache;
let server: Server;
let base: string;

let lastRenderHeaders: IncomingHttpHeaders | undefined;
/** What stored content smuggled into the page, as if the page printed it unescaped. */
let injected = "";

const render: Render = async (req) => {
  renders += 1;
  lastRenderHeaders = req.headers;
  if (renderDelayMs) await new Promise((resolve) => setTimeout(resolve, renderDelayMs));
  try {
    const nonce = randomBytes(16).toString("base64");
    const path = req.url;
    const html = `<html><head><script nonce="${nonce}">boot()</script></head><body>${"기사 본문 ".repeat(300)}${path}${injected}<script nonce="${nonce}" src="/a.js"></script></body></html>`;
    return {
      status: 200,
      headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'` },
      body: Buffer.from(html),
      tags: new Set([cacheTag.story(1), cacheTag.latest]),
      ...nextRender(path),
    };
  } finally {
    rendersDone += 1;
  }
};

beforeAll(async () => {
  server = createServer((req, res) => {
    // What the app's access log and metrics do: read the outcome when the response finishes.
    let told = "NONE";
    res.once("finish", () => outcomesAtFinish.push(told));
    void Promise.resolve(cache.handle(req, res, render, (outcome) => (told = outcome))).then((outcome) => {
      if (outcome === "PASS") {
        res.writeHead(200, { "x-cache": "BYPASS" });
        res.end("passed through");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  renders = 0;
  rendersDone = 0;
  outcomesAtFinish = [];
  renderDelayMs = 0;
  nextRender = () => ({});
  injected = "";
  clock = 1_000_000;
  cache = new ResponseCache({ maxBytes: 10 * 1024 * 1024, now: () => clock, isSignedInSession: verifySession });
});

/** The stand-in for next-auth's check of a session token: only this one was signed by us. */
const SIGNED_TOKEN = "signed-staff-token";
const verifySession = (token: string) => Promise.resolve(token === SIGNED_TOKEN);

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers: { "accept-encoding": "identity", ...headers } });
const scriptSrcOf = (csp: string | null) => /script-src ([^;]*)/.exec(csp ?? "")?.[1] ?? "";
const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

/** Starts a slow render of `path` and makes `change` while it runs; `during` is that request's answer. */
async function changeWhileRendering(path: string, change: () => void, renderMs = 100): Promise<{ during: Promise<Response> }> {
  renderDelayMs = renderMs;
  const during = get(path);
  await new Promise((resolve) => setTimeout(resolve, 30));
  change();
  return { during };
}

describe("the response cache", () => {
  it("tells its outcome before the response finishes (the access log and metrics read it there)", async () => {
    await (await get("/articles/1")).text();
    await (await get("/articles/1")).text();
    await (await get("/newsroom")).text();
    expect(outcomesAtFinish).toEqual(["MISS", "HIT", "PASS"]);
  });

  it("renders once, then answers from memory", async () => {
    const first = await get("/articles/1");
    const second = await get("/articles/1");
    expect(first.headers.get("x-cache")).toBe("MISS");
    expect(second.headers.get("x-cache")).toBe("HIT");
    expect(renders).toBe(1);
    expect(cache.store.snapshot()).toMatchObject({ hits: 1, misses: 1 });
    expect(await second.text()).toContain("/articles/1");
  });

  it("sends every reader the same bytes and policy: the hash of each nonced inline script, no nonce", async () => {
    const answers = [];
    for (let i = 0; i < 5; i += 1) {
      const response = await get("/");
      answers.push({ csp: response.headers.get("content-security-policy"), body: await response.text() });
    }
    expect(renders).toBe(1);
    expect(new Set(answers.map((answer) => answer.csp)).size).toBe(1);
    expect(new Set(answers.map((answer) => answer.body)).size).toBe(1);
    expect(scriptSrcOf(answers[0]?.csp ?? null)).toBe(`'self' ${sha256("boot()")}`);
    expect(answers[0]?.body).not.toMatch(/nonce/);
    expect(answers[0]?.body).toContain('<script>boot()</script>');
  });

  it("lists no hash for an inline script that reached the page without the render's nonce (stored content printed unescaped)", async () => {
    injected = `<script>steal()</script><script nonce="guessed">steal()</script><script type="text/javascript" nonce="">steal()</script>`;
    const response = await get("/articles/2");
    expect(scriptSrcOf(response.headers.get("content-security-policy"))).toBe(`'self' ${sha256("boot()")}`);
    expect(await response.text()).toContain(injected);
  });

  it("serves each encoding precompressed: brotli, gzip, identity, all the same page", async () => {
    const identity = await (await get("/sections/politics")).text();
    const raw = (encoding: string) =>
      new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
        import("node:http").then(({ get: httpGet }) =>
          httpGet(`${base}/sections/politics`, { headers: { "accept-encoding": encoding } }, (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (chunk: Buffer) => chunks.push(chunk));
            res.on("end", () => resolve({ encoding: res.headers["content-encoding"], body: Buffer.concat(chunks) }));
          }).on("error", reject),
        );
      });
    const brotli = await raw("gzip, deflate, br");
    expect(brotli.encoding).toBe("br");
    expect(brotliDecompressSync(brotli.body).toString()).toBe(identity);
    const gzip = await raw("gzip;q=1, br;q=0");
    expect(gzip.encoding).toBe("gzip");
    expect(gunzipSync(gzip.body).toString()).toBe(identity);
    expect(renders).toBe(1);
  });

  it("serves brotli for feeds, which carry no policy", async () => {
    nextRender = () => ({ headers: { "content-type": "application/rss+xml" }, body: Buffer.from(`<rss>${"<item>기사</item>".repeat(50)}</rss>`) });
    await get("/feed.xml");
    const raw = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
      import("node:http").then(({ get: httpGet }) =>
        httpGet(`${base}/feed.xml`, { headers: { "accept-encoding": "br, gzip" } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => resolve({ encoding: res.headers["content-encoding"], body: Buffer.concat(chunks) }));
        }).on("error", reject),
      );
    });
    expect(raw.encoding).toBe("br");
    expect(brotliDecompressSync(raw.body).toString()).toContain("<item>기사</item>");
  });

  it("answers a revalidation with 304 (the browser keeps the policy stored with its copy)", async () => {
    const first = await get("/");
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^W\/"/);
    const again = await get("/", { "if-none-match": etag ?? "" });
    expect(again.status).toBe(304);
    expect(again.headers.get("content-security-policy")).toBeNull();
    expect(again.headers.get("etag")).toBe(etag);
  });

  it.each([
    ["a staff session", "/", { cookie: `next-auth.session-token=${SIGNED_TOKEN}` }],
    ["a secure staff session", "/", { cookie: `x=1; __Secure-next-auth.session-token=${SIGNED_TOKEN}` }],
    ["a client-side navigation", "/", { rsc: "1" }],
    ["the newsroom", "/newsroom", {}],
    ["the sign-in page", "/login", {}],
    ["the staff API", "/api/v1/articles", {}],
    ["Next.js assets", "/_next/static/chunks/a.js", {}],
  ])("goes around %s", async (_name, path, headers) => {
    const response = await get(path, headers);
    expect(response.headers.get("x-cache")).toBe("BYPASS");
    expect(renders).toBe(0);
  });

  it("does not store an answer that sets a cookie, or an error", async () => {
    nextRender = (path) => (path === "/cookie" ? { headers: { "content-type": "text/html", "set-cookie": "a=b" } } : { status: 500 });
    for (const path of ["/cookie", "/cookie", "/broken", "/broken"]) {
      expect((await get(path)).headers.get("x-cache")).toBe("BYPASS");
    }
    expect(renders).toBe(4);
  });

  it("an answer it does not keep goes out as rendered, with the render's own nonce and nothing telling a CDN to keep it", async () => {
    nextRender = () => ({ headers: { "content-type": "text/html", "set-cookie": "a=b", "content-security-policy": `script-src 'self' 'nonce-${"n".repeat(22)}==' 'strict-dynamic'` } });
    const answer = await get("/personal");
    expect(answer.headers.get("x-cache")).toBe("BYPASS");
    expect(answer.headers.get("content-security-policy")).toMatch(/'nonce-n{22}==' 'strict-dynamic'/);
    expect(answer.headers.get("cache-control")).toBeNull();
  });

  it("answers an expired copy when a fresh render fails (the database is down), never an invalidated one", async () => {
    await get("/articles/1");
    clock += 21 * 60_000; // past the default lifetime and the time it may be answered while renewed
    nextRender = () => ({ status: 500, body: Buffer.from("database down") });
    const stale = await get("/articles/1");
    expect(stale.status).toBe(200);
    expect(stale.headers.get("x-cache")).toBe("STALE");
    expect(await stale.text()).toContain("/articles/1");
    expect(cache.store.snapshot().staleServed).toBe(1);

    // Once the database is back the next request renders afresh.
    nextRender = () => ({});
    expect((await get("/articles/1")).headers.get("x-cache")).toBe("MISS");

    // A copy dropped by an event is gone for good: the failure is passed on.
    cache.invalidate([cacheTag.story(1)]);
    nextRender = () => ({ status: 500, body: Buffer.from("database down") });
    const failed = await get("/articles/1");
    expect(failed.status).toBe(500);
    expect(failed.headers.get("x-cache")).toBe("BYPASS");
  });

  it("answers a page whose lifetime alone ran out while one render replaces it; a page cut short by a change waits for its render", async () => {
    renderDelayMs = 200;
    await get("/articles/3");
    const rendersBefore = renders;
    clock += 10 * 60_000 + 1; // past the default lifetime
    injected = "<p>새 판</p>";
    const answers = await Promise.all(Array.from({ length: 10 }, () => get("/articles/3")));
    expect(answers.map((answer) => answer.headers.get("x-cache"))).toEqual(Array(10).fill("UPDATING"));
    for (const answer of answers) expect(await answer.text()).not.toContain("새 판");
    await expect.poll(async () => (await get("/articles/3")).headers.get("x-cache"), { interval: 50 }).toBe("HIT");
    expect(renders - rendersBefore, "one render replaced it").toBe(1);
    expect(await (await get("/articles/3")).text()).toContain("새 판");

    // Readers' chatter (a storm of comments) cut a page's lifetime short: the next reader waits for the new page.
    renderDelayMs = 0;
    for (let i = 0; i < 4; i += 1) cache.invalidateChatter([cacheTag.story(1)], 500);
    await get("/articles/5");
    cache.invalidateChatter([cacheTag.story(1)], 500);
    clock += 600;
    expect((await get("/articles/5")).headers.get("x-cache")).toBe("MISS");

    // So does a page past midnight in Korea.
    clock = Date.parse("2026-11-25T14:59:00Z");
    await get("/articles/4");
    clock += 61_000;
    expect((await get("/articles/4")).headers.get("x-cache")).toBe("MISS");
  });

  it("keeps a background render only when it may be kept: a failed one leaves the copy for the next reader to try again, one overtaken by a change is dropped", async () => {
    await get("/articles/6");
    clock += 10 * 60_000 + 1; // past the default lifetime
    const failures: (() => Partial<CapturedResponse>)[] = [
      () => ({ status: 503 }),
      () => {
        throw new Error("database down");
      },
    ];
    for (const failure of failures) {
      nextRender = failure;
      const before = rendersDone;
      const answers: (string | null)[] = [];
      await expect
        .poll(async () => {
          answers.push((await get("/articles/6")).headers.get("x-cache"));
          return rendersDone - before;
        })
        .toBeGreaterThanOrEqual(2);
      expect(new Set(answers), "every reader meanwhile got the expired copy").toEqual(new Set(["UPDATING"]));
    }

    // A change while the background render runs: what it rendered may show what was there before.
    nextRender = () => ({});
    renderDelayMs = 100;
    const before = rendersDone;
    expect((await get("/articles/6")).headers.get("x-cache")).toBe("UPDATING");
    cache.invalidate([cacheTag.story(1)]);
    await expect.poll(() => rendersDone).toBe(before + 1);
    renderDelayMs = 0;
    expect((await get("/articles/6")).headers.get("x-cache")).toBe("MISS");
  });

  it("renders once for many concurrent misses of one page", async () => {
    renderDelayMs = 100;
    const answers = await Promise.all(Array.from({ length: 25 }, () => get("/articles/9")));
    expect(renders).toBe(1);
    expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set([200]));
  });

  it("drops exactly the entries holding an invalidated tag", async () => {
    nextRender = (path) => ({ tags: new Set([path === "/a" ? cacheTag.story(1) : cacheTag.story(2)]) });
    await get("/a");
    await get("/b");
    expect(cache.invalidate([cacheTag.story(1)])).toBe(1);
    expect((await get("/a")).headers.get("x-cache")).toBe("MISS");
    expect((await get("/b")).headers.get("x-cache")).toBe("HIT");
  });

  it("answers but does not keep a page whose tags were invalidated while it rendered (a story published during the home page's render)", async () => {
    const { during } = await changeWhileRendering("/", () => cache.invalidate([cacheTag.latest]));
    expect((await during).status).toBe(200);
    renderDelayMs = 0;
    expect((await get("/")).headers.get("x-cache")).toBe("MISS");
    expect((await get("/")).headers.get("x-cache")).toBe("HIT");
    expect(renders).toBe(2);
    // A change to tags the page does not hold leaves it kept.
    const other = await changeWhileRendering("/other", () => cache.invalidate([cacheTag.story(99)]));
    await other.during;
    expect((await get("/other")).headers.get("x-cache")).toBe("HIT");
  });

  it("a request after an invalidation does not wait for a render that began before it", async () => {
    const before = await changeWhileRendering("/home-race", () => cache.invalidate([cacheTag.latest]), 150);
    const after = get("/home-race");
    await Promise.all([before.during, after]);
    // The later request rendered anew instead of taking the render that may show the old page.
    expect(renders).toBe(2);
    renderDelayMs = 0;
    expect((await get("/home-race")).headers.get("x-cache")).toBe("HIT");
    expect(renders).toBe(2);
  });

  it("keeps a page whose tags were shortened by readers' chatter while it rendered only until that shortening ends", async () => {
    // Four changes within a second make a storm: the fourth shortens instead of dropping.
    for (let i = 0; i < 3; i += 1) cache.invalidateChatter([cacheTag.story(1)], 500);
    const { during } = await changeWhileRendering("/articles/5", () => cache.invalidateChatter([cacheTag.story(1)], 500));
    await during;
    renderDelayMs = 0;
    clock += 499;
    expect((await get("/articles/5")).headers.get("x-cache")).toBe("HIT");
    clock += 2;
    expect((await get("/articles/5")).headers.get("x-cache")).toBe("MISS");
  });

  it("never serves an entry past the next scheduled publication, nor past its lifetime", async () => {
    cache.setNextScheduledPublication(clock + 5_000);
    await get("/");
    clock += 4_000;
    expect((await get("/")).headers.get("x-cache")).toBe("HIT");
    clock += 2_000;
    expect((await get("/")).headers.get("x-cache")).toBe("MISS");
    cache.setNextScheduledPublication(null);
    nextRender = () => ({ tags: new Set([cacheTag.mostRead]) });
    await get("/most");
    // Pages showing the most-read boxes are dropped when the rankings move (most-read-watch.ts), not every minute.
    clock += 61_000;
    expect((await get("/most")).headers.get("x-cache")).toBe("HIT");
    // Past its lifetime: answered as it is while one render replaces it.
    clock += 10 * 60_000;
    expect((await get("/most")).headers.get("x-cache")).toBe("UPDATING");
    await expect.poll(async () => (await get("/most")).headers.get("x-cache")).toBe("HIT");
  });

  it("never serves a page showing a 속보 banner past the banner's end; pages without one are not cut short", async () => {
    cache.setNextBreakingEnd(clock + 5_000);
    nextRender = () => ({ tags: new Set([cacheTag.breaking, cacheTag.latest]) });
    await get("/with-banner");
    nextRender = () => ({ tags: new Set([cacheTag.feeds]) });
    await get("/feed.xml");
    clock += 4_000;
    expect((await get("/with-banner")).headers.get("x-cache")).toBe("HIT");
    clock += 2_000;
    expect((await get("/with-banner")).headers.get("x-cache")).toBe("MISS");
    expect((await get("/feed.xml")).headers.get("x-cache")).toBe("HIT");
  });

  it("keeps live counts (reactions) for two seconds, and tells a CDN the same, whatever the events", async () => {
    nextRender = () => ({ tags: new Set([cacheTag.liveCounts, cacheTag.story(1)]) });
    const first = await get("/api/v1/articles/1/reactions");
    // Without stale-while-revalidate: a browser asks again on every load (a 304 when unchanged).
    expect(first.headers.get("cache-control")).toBe("public, max-age=0, s-maxage=2");
    clock += 1_900;
    expect((await get("/api/v1/articles/1/reactions")).headers.get("x-cache")).toBe("HIT");
    clock += 200;
    expect((await get("/api/v1/articles/1/reactions")).headers.get("x-cache")).toBe("MISS");
  });

  it("never serves a page past midnight in Korea, when its printed date changes", async () => {
    clock = Date.parse("2026-11-25T14:59:00Z"); // 23:59 in Seoul
    await get("/");
    clock += 30_000;
    expect((await get("/")).headers.get("x-cache")).toBe("HIT");
    clock += 31_000; // 00:00:01 the next day
    expect((await get("/")).headers.get("x-cache")).toBe("MISS");
  });

  it("keys by host and sorted query", async () => {
    await get("/search?q=고양&page=2");
    expect((await get("/search?page=2&q=고양")).headers.get("x-cache")).toBe("HIT");
    // fetch cannot set Host; node:http can.
    const forged = await new Promise<string | undefined>((resolve, reject) => {
      import("node:http").then(({ get: httpGet }) =>
        httpGet(`${base}/search?q=${encodeURIComponent("고양")}&page=2`, { headers: { host: "evil.example" } }, (res) => {
          res.resume();
          resolve(res.headers["x-cache"] as string | undefined);
        }).on("error", reject),
      );
    });
    expect(forged).toBe("MISS");
  });

  it("keys by the query parameters the route reads: tracking parameters neither miss nor reach the render", async () => {
    const seen: string[] = [];
    nextRender = (path) => (seen.push(path), {});
    await get("/articles/1");
    await get("/search?q=고양");
    await get("/sections/economy?before=abc");
    for (const path of ["/articles/1?utm_source=kakao", "/articles/1?fbclid=IwAR0&utm_medium=social", "/search?utm_campaign=x&q=고양", "/sections/economy?gclid=1&before=abc", "/articles/1?q=ignored"]) {
      const response = await get(path);
      expect(response.headers.get("x-cache"), path).toBe("HIT");
      expect(await response.text()).not.toMatch(/utm_|fbclid|gclid/);
    }
    expect((await get("/search?q=서울&utm_source=x")).headers.get("x-cache")).toBe("MISS");
    expect((await get("/sections/economy?before=def")).headers.get("x-cache")).toBe("MISS");
    expect(seen).toEqual(["/articles/1", `/search?q=${encodeURIComponent("고양")}`, "/sections/economy?before=abc", `/search?q=${encodeURIComponent("서울")}`, "/sections/economy?before=def"]);
  });

  it("keeps a bounded number of variants of one path, whatever the query strings and Host headers", async () => {
    await get("/");
    for (let i = 0; i < MAX_VARIANTS_PER_PATH + 50; i += 1) await get(`/search?q=${i}x${Math.random().toString(36).slice(2)}`);
    expect(cache.store.snapshot().entries).toBe(MAX_VARIANTS_PER_PATH + 1);
    const { get: httpGet } = await import("node:http");
    for (let i = 0; i < MAX_VARIANTS_PER_PATH + 50; i += 1) {
      await new Promise<void>((resolve, reject) =>
        httpGet(`${base}/articles/5`, { headers: { host: `forged-${i}.example` } }, (res) => res.resume().on("end", resolve)).on("error", reject),
      );
    }
    expect(cache.store.snapshot().entries).toBe(2 * MAX_VARIANTS_PER_PATH + 1);
    // Other pages keep their place.
    expect((await get("/")).headers.get("x-cache")).toBe("HIT");
    // The newest variants are the ones kept.
    const last = `/search?q=last`;
    await get(last);
    expect((await get(last)).headers.get("x-cache")).toBe("HIT");
  }, 60_000);

  it("a cached redirect carries on the query string the reader came with", async () => {
    nextRender = (path) => (path.startsWith("/articles/7") ? { status: 308, headers: { location: "/articles/7/%EA%B8%B0%EC%82%AC" }, body: Buffer.from("") } : {});
    for (const query of ["?utm_source=kakao", "?fbclid=IwAR0&utm_medium=social", ""]) {
      const response = await fetch(`${base}/articles/7${query}`, { redirect: "manual" });
      expect(response.status).toBe(308);
      expect(response.headers.get("location")).toBe(`/articles/7/%EA%B8%B0%EC%82%AC${query}`);
    }
    expect(renders).toBe(1);
  });

  it("only a session cookie that verifies goes around the cache: a made-up one is served like any reader", async () => {
    await get("/");
    for (const cookie of ["next-auth.session-token=x", "__Secure-next-auth.session-token=forged", "xnext-auth.session-token=" + SIGNED_TOKEN, "next-auth.session-token="]) {
      expect((await get("/", { cookie })).headers.get("x-cache"), cookie).toBe("HIT");
    }
    expect((await get("/", { cookie: `a=1; next-auth.session-token=${SIGNED_TOKEN}` })).headers.get("x-cache")).toBe("BYPASS");
  });

  it("renders a reader's miss without their cookies (the stored page is everyone's)", async () => {
    await get("/tags/x", { cookie: "next-auth.session-token=x; theme=dark" });
    expect(renders).toBe(1);
    expect(lastRenderHeaders?.cookie).toBeUndefined();
  });

  it("stays within its memory budget, dropping the least recently used", async () => {
    cache = new ResponseCache({ maxBytes: 60_000, now: () => clock });
    for (let i = 0; i < 20; i += 1) await get(`/articles/${i}`);
    const { bytes, entries } = cache.store.snapshot();
    expect(bytes).toBeLessThanOrEqual(60_000);
    expect(entries).toBeLessThan(20);
    expect((await get("/articles/19")).headers.get("x-cache")).toBe("HIT");
    expect((await get("/articles/0")).headers.get("x-cache")).toBe("MISS");
  });

  it("carries CDN headers: s-maxage with stale-while-revalidate, and a surrogate key of its tags", async () => {
    const response = await get("/");
    expect(response.headers.get("cache-control")).toMatch(/public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+/);
    expect(response.headers.get("surrogate-key")?.split(" ")).toEqual(expect.arrayContaining(["story:1", "latest", "site"]));
    expect(response.headers.get("vary")).toBe("Accept-Encoding");
  });
});

describe("readers' comment storms", () => {
  it("a calm story's list is dropped at once; in a storm it is served until the grace ends, then rendered once", async () => {
    await get("/articles/1");
    cache.invalidateChatter([cacheTag.story(1)], 500); // the first change in a second: dropped
    expect((await get("/articles/1")).headers.get("x-cache")).toBe("MISS");
    cache.invalidateChatter([cacheTag.story(1)], 500);
    cache.invalidateChatter([cacheTag.story(1)], 500);
    await get("/articles/1");
    expect(renders).toBe(3);
    cache.invalidateChatter([cacheTag.story(1)], 500); // the fourth within a second: a storm
    clock += 499;
    expect((await get("/articles/1")).headers.get("x-cache")).toBe("HIT");
    cache.invalidateChatter([cacheTag.story(1)], 500); // a later change does not extend the life
    clock += 2;
    expect((await get("/articles/1")).headers.get("x-cache")).toBe("MISS");
    expect(renders).toBe(4);
    clock += 600; // a new second, still in the storm: not dropped at its first change
    await get("/articles/1");
    cache.invalidateChatter([cacheTag.story(1)], 500);
    expect((await get("/articles/1")).headers.get("x-cache")).toBe("HIT");
    clock += 2_000; // calm again: dropped at once
    cache.invalidateChatter([cacheTag.story(1)], 500);
    expect((await get("/articles/1")).headers.get("x-cache")).toBe("MISS");
  });

  it("only comments and likes are chatter; moderation is applied at once", () => {
    expect(isReaderChatter({ type: "comment.posted", payload: { articleId: 1 } })).toBe(true);
    expect(isReaderChatter({ type: "comment.liked", payload: { articleId: 1 } })).toBe(true);
    for (const type of ["comment.moderated", "comment.deleted", "article.comments-closed", "article.published"]) expect(isReaderChatter({ type, payload: {} })).toBe(false);
  });
});

describe("a story scheduled for a moment already past when its event is applied", () => {
  const now = Date.parse("2026-11-26T07:00:00Z");
  const scheduled = (publishAt: string) => ({ type: "article.scheduled", payload: { articleId: 7, sectionId: null, authorId: "a", publishAt } });

  it("drops what publishing it drops: no timer will fire for a time that has passed", () => {
    const published = tagsForEvent({ type: "article.published", payload: { articleId: 7 } }, now);
    expect(published).toEqual([cacheTag.story(7), cacheTag.latest, cacheTag.corrections]);
    expect(tagsForEvent(scheduled("2026-11-26T06:59:59.000Z"), now)).toEqual(published);
    expect(tagsForEvent(scheduled("2026-11-26T07:00:00.000Z"), now)).toEqual(published);
  });

  it("drops nothing while the time is still ahead (the schedule timer drops it then)", () => {
    expect(tagsForEvent(scheduled("2026-11-26T07:00:00.001Z"), now)).toEqual([]);
    expect(tagsForEvent(scheduled("not a date"), now)).toEqual([]);
  });
});
