// GET /metrics: Prometheus's text format, for this machine only (loopback, not through a proxy)
// or for a scraper that sends METRICS_TOKEN. Anyone else gets the site's 404, as if it were not there.
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { metrics } from "@/lib/observability/metrics";
import { requestPath } from "@/server/request-guards";
import type { ResponseCache } from "@/server/response-cache/response-cache";

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

function mayScrape(req: IncomingMessage, options: { trustProxy: boolean; token?: string }): boolean {
  const viaProxy = options.trustProxy && req.headers["x-forwarded-for"] !== undefined;
  if (!viaProxy && LOOPBACK.has(req.socket.remoteAddress ?? "")) return true;
  const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
  if (!options.token || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(options.token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Answers /metrics when allowed; returns false for every other request (and for refused scrapes, which fall through to a 404). */
export function serveMetrics(req: IncomingMessage, res: ServerResponse, options: { trustProxy: boolean; token?: string; cache?: ResponseCache; beforeScrape?: () => void }): boolean {
  if (req.method !== "GET" || requestPath(req.url) !== "/metrics" || !mayScrape(req, options)) return false;
  // Counts kept in bulk (cache hits: server/hit-lane.ts) are added now.
  options.beforeScrape?.();
  const m = metrics();
  if (options.cache) {
    const stats = options.cache.store.snapshot();
    m.cacheBytes.set(stats.bytes);
    m.cacheEntries.set(stats.entries);
  }
  void m.registry.metrics().then((text) => {
    res.writeHead(200, { "content-type": m.registry.contentType, "cache-control": "no-store" });
    res.end(text);
  });
  return true;
}
