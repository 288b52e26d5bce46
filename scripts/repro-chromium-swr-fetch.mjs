// DIAGNOSTIC, not part of the product or the test suite: shows, without the app, why the reaction
// counts carry no stale-while-revalidate (server/response-cache/response-cache.ts). A page
// fetch()es a JSON answer with an ETag and the given Cache-Control; after a reload within the
// stale window Chromium answers the fetch from its cache and revalidates in the background, and
// never reports that revalidation as finished, so the page never reaches network idle.
//
//   node scripts/repro-chromium-swr-fetch.mjs            # with stale-while-revalidate=10: NOT IDLE
//   node scripts/repro-chromium-swr-fetch.mjs plain      # max-age=0 alone: IDLE
//   node scripts/repro-chromium-swr-fetch.mjs no-cache   # SWR, but fetch(url, { cache: "no-cache" }): IDLE
import { createServer } from "node:http";
import { chromium } from "playwright-core";

const variant = process.argv[2] ?? "swr";
const cacheControl = variant === "plain" ? "public, max-age=0, s-maxage=2" : "public, max-age=0, s-maxage=2, stale-while-revalidate=10";
const fetchInit = variant === "no-cache" ? `{ cache: "no-cache" }` : "{}";
const etag = 'W/"counts-1"';

const server = createServer((req, res) => {
  if (req.url === "/") {
    res.writeHead(200, { "content-type": "text/html", "cache-control": "no-store" });
    res.end(`<!doctype html><link rel="icon" href="data:,"><script>fetch("/counts", ${fetchInit}).then((r) => r.json()).then((j) => (document.title = String(j.likes)));</script>`);
  } else if (req.headers["if-none-match"] === etag) {
    res.writeHead(304, { etag, "cache-control": cacheControl });
    res.end();
  } else {
    res.writeHead(200, { etag, "cache-control": cacheControl, "content-type": "application/json" });
    res.end(JSON.stringify({ likes: 1 }));
  }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
const address = server.address();
const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
try {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  const open = new Map();
  cdp.on("Network.requestWillBeSent", (event) => open.set(event.requestId, `${event.type} ${event.request.url}`));
  cdp.on("Network.loadingFinished", (event) => open.delete(event.requestId));
  cdp.on("Network.loadingFailed", (event) => open.delete(event.requestId));
  await cdp.send("Network.enable");
  await page.goto(base);
  await page.waitForLoadState("networkidle");
  await page.reload();
  const idle = await page.waitForLoadState("networkidle", { timeout: 4_000 }).then(
    () => true,
    () => false,
  );
  console.log(`${variant} (Cache-Control: ${cacheControl}; fetch init ${fetchInit}): ${idle ? "IDLE" : "NOT IDLE"}`);
  console.log(`requests Chromium never finished: ${JSON.stringify([...open.values()])}`);
} finally {
  await browser.close();
  server.close();
}
