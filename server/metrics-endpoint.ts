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

/**
 * The families the front process reports for the pair (server/front/): it answers every request
 * and holds the response cache. The rest (the database's, comments', sign-ins', the process's
 * own) come from the Next.js process behind it.
 */
const FRONT_FAMILIES = ["newsroom_http_requests_total", "newsroom_http_request_duration_seconds", "newsroom_response_cache_total", "newsroom_response_cache_bytes", "newsroom_response_cache_entries"];

/** The metric family a line of Prometheus's text format belongs to. */
function familyOf(line: string): string {
  const name = line.startsWith("#") ? (line.split(" ")[2] ?? "") : (/^[A-Za-z_:][A-Za-z0-9_:]*/.exec(line)?.[0] ?? "");
  return FRONT_FAMILIES.find((family) => name === family || name.startsWith(`${family}_`)) ?? name;
}

/** The lines of `text` whose families the front process reports (`front`) or does not. */
export function metricsOfPart(text: string, part: "front" | "behind"): string {
  const lines = text.split("\n").filter((line) => line !== "" && FRONT_FAMILIES.includes(familyOf(line)) === (part === "front"));
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}

/**
 * Answers /metrics when allowed; returns false for every other request (and for refused scrapes,
 * which fall through to a 404). `callerChecked`: behind the front process, which checked who asks.
 * `behind`: the front's own figures are joined by those of the process behind it.
 */
export function serveMetrics(
  req: IncomingMessage,
  res: ServerResponse,
  options: { trustProxy: boolean; token?: string; cache?: ResponseCache; beforeScrape?: () => void; callerChecked?: boolean; behind?: () => Promise<string> },
): boolean {
  if (req.method !== "GET" || requestPath(req.url) !== "/metrics" || !(options.callerChecked || mayScrape(req, options))) return false;
  // Counts kept in bulk (cache hits: server/hit-lane.ts) are added now.
  options.beforeScrape?.();
  const m = metrics();
  if (options.cache) {
    const stats = options.cache.store.snapshot();
    m.cacheBytes.set(stats.bytes);
    m.cacheEntries.set(stats.entries);
  }
  const { behind } = options;
  const text = behind
    ? Promise.all([m.registry.metrics(), behind()]).then(([own, theirs]) => metricsOfPart(own, "front") + metricsOfPart(theirs, "behind"))
    : m.registry.metrics();
  void text.then(
    (body) => {
      res.writeHead(200, { "content-type": m.registry.contentType, "cache-control": "no-store" });
      res.end(body);
    },
    () => {
      res.writeHead(502, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
      res.end("metrics of the Next.js process unavailable\n");
    },
  );
  return true;
}
