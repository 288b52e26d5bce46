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
import { isPlainGet } from "@/server/request-guards";
import type { CachedResponse } from "@/server/response-cache/cache-store";
import type { ResponseCache } from "@/server/response-cache/response-cache";

export interface HitLane {
  /** Answers `req` from the cache and returns true, or returns false without touching `res`. */
  answer(req: IncomingMessage, res: ServerResponse): boolean;
  /** Adds the hits counted since the last call to the Prometheus counters. */
  flushMetrics(): void;
}

const counterKey = (path: string, status: number) => `${routeKind(path)}\t${Math.floor(status / 100)}xx`;

export function createHitLane(cache: ResponseCache): HitLane {
  /** Hits not yet added to the counters, by route kind and status class ("article\t2xx"). */
  const pending = new Map<string, number>();
  /** Each entry's counter key, worked out at its first hit (route kinds are a dozen regexes). */
  const counterKeys = new WeakMap<CachedResponse, string>();
  return {
    answer(req, res) {
      if (!isPlainGet(req)) return false;
      const entry = cache.answerHit(req, res);
      if (!entry) return false;
      // A revalidation answered 304 is counted as such, not as the entry's own status.
      let key = res.statusCode === entry.status ? counterKeys.get(entry) : counterKey(entry.path, res.statusCode);
      if (key === undefined) counterKeys.set(entry, (key = counterKey(entry.path, entry.status)));
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
