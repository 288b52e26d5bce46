import "server-only";
// The counting end of the view beacon (app/api/views/route.ts): count, and make sure the
// buffer is written out regularly. Never touches the database itself.
import { clientIpFrom } from "@/lib/auth/client-ip";
import { networkOf } from "@/lib/comments/comment-source";
import { serverEnv } from "@/lib/config/env";
import { db } from "@/lib/db";
import { outsideAnyRequest } from "@/lib/observability/root-context";
import { processViewCounter, type ViewOutcome } from "@/lib/views/view-counter";

const TIMER_KEY = Symbol.for("newsroom.viewFlushTimer");

function ensureFlushTimer(): void {
  const holder = globalThis as { [TIMER_KEY]?: NodeJS.Timeout };
  if (holder[TIMER_KEY]) return;
  // Started by the first counted view, but lives for the process: not in that request's context.
  const timer = outsideAnyRequest(() =>
    setInterval(() => {
      processViewCounter()
        .flush(db)
        .catch((error: unknown) => console.error("writing view counts failed (kept for the next try)", error));
    }, serverEnv().VIEW_FLUSH_SECONDS * 1000),
  );
  // The timer alone must not keep the process alive; the server's shutdown flushes what is left.
  timer.unref();
  holder[TIMER_KEY] = timer;
}

/**
 * Counts a page view from the beacon. The source is the reader's network as our own server saw it
 * (behind a trusted proxy, X-Forwarded-For): an IPv4 address, or an IPv6 /64, whose hosts pick
 * their last 64 bits at will, the same grouping the comment limits use.
 */
export function recordArticleView(articleId: number, headers: Headers, now = new Date()): ViewOutcome {
  const outcome = processViewCounter().record(articleId, { source: networkOf(clientIpFrom(headers)), userAgent: headers.get("user-agent") }, now);
  if (outcome === "counted") ensureFlushTimer();
  return outcome;
}
