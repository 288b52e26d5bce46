// The bulk of readers' traffic: a GET for a public page the response cache holds fresh. It is
// answered before the per-request shell of http-server.ts (request id, request context, access
// log line, duration histogram, per-request listeners) is built: a hit runs no code that logs,
// queries or waits, and in a process that also hosts Next.js (a large heap, where every
// allocation costs garbage collection) that shell cost about as much as the hit itself. Hits are
// counted in bulk and added to /metrics when it is read. Anything else (a HEAD, a session cookie
// to verify, a miss, an address admitRequest would refuse or redirect) takes the full path.
import type { IncomingMessage, ServerResponse } from "node:http";
import { metrics } from "@/lib/observability/metrics";
import { routeKind } from "@/lib/observability/route-kind";
import { canonicalPath, isDecodablePath, requestPath } from "@/server/request-guards";
import type { ResponseCache } from "@/server/response-cache/response-cache";

export interface HitLane {
  /** Answers `req` from the cache and returns true, or returns false without touching `res`. */
  answer(req: IncomingMessage, res: ServerResponse): boolean;
  /** Adds the hits counted since the last call to the Prometheus counters. */
  flushMetrics(): void;
}

/** A GET with no body for a well-formed, canonical address: what admitRequest lets through untouched. */
function isPlainGet(req: IncomingMessage): boolean {
  if (req.method !== "GET") return false;
  const headers = req.headers;
  if (headers["transfer-encoding"] !== undefined || (headers["content-length"] !== undefined && headers["content-length"] !== "0")) return false;
  const path = requestPath(req.url);
  return isDecodablePath(path) && canonicalPath(path) === path;
}

export function createHitLane(cache: ResponseCache): HitLane {
  /** Hits not yet added to the counters, by route kind and status class ("article\t2xx"). */
  const pending = new Map<string, number>();
  return {
    answer(req, res) {
      if (!isPlainGet(req) || !cache.answerHit(req, res)) return false;
      const key = `${routeKind(requestPath(req.url))}\t${Math.floor(res.statusCode / 100)}xx`;
      pending.set(key, (pending.get(key) ?? 0) + 1);
      return true;
    },
    flushMetrics() {
      const m = metrics();
      let hits = 0;
      for (const [key, count] of pending) {
        const [route = "other", status = "2xx"] = key.split("\t");
        m.httpRequests.inc({ route, method: "GET", status }, count);
        hits += count;
      }
      pending.clear();
      if (hits > 0) m.cacheEvents.inc({ outcome: "hit" }, hits);
    },
  };
}
