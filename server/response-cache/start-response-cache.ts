// The response cache of one app process, with its invalidation listener and the optional CDN
// purge hook, built from the settings.
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { sharedQueryMemo } from "@/lib/cache/shared-query-memo";
import { readSessionToken } from "@/lib/auth/session-token";
import type { Env } from "@/lib/config/env";
import { logger } from "@/lib/observability/logger";
import { startInvalidationListener } from "@/server/response-cache/invalidation-listener";
import { clientModuleVerdictFrom, readClientModuleFiles } from "@/server/response-cache/client-module-files";
import { withoutNextRuntime } from "@/server/response-cache/reader-page-strip";
import { ResponseCache, type CacheOutcome, type Render } from "@/server/response-cache/response-cache";

export interface RunningResponseCache {
  cache: ResponseCache;
  /**
   * Answers from the cache or says "PASS"; `onOutcome` hears the outcome before anything is
   * written. A hit's outcome comes back at once, the others' as a promise (ResponseCache.handle).
   */
  handle(req: IncomingMessage, res: ServerResponse, onOutcome?: (outcome: CacheOutcome) => void): CacheOutcome | Promise<CacheOutcome>;
  stop(): Promise<void>;
}

/** Tells a CDN which tags to purge; failures are logged, never thrown (the CDN's s-maxage bounds staleness). */
function cdnPurger(url: string): (tags: string[]) => void {
  return (tags) => {
    void fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ tags }), signal: AbortSignal.timeout(5_000) })
      .then((response) => {
        if (!response.ok) logger().error({ status: response.status }, "CDN purge refused");
      })
      .catch((error: unknown) => logger().error({ err: error }, "CDN purge failed"));
  };
}

/** How many different reasons for keeping a page whole are logged (each once): a page that cannot be stripped is rendered again and again. */
const KEPT_REASONS_LOGGED = 100;

/**
 * Strips reader pages of the Next.js runtime for the reader bundle at `bundleUrl` (see
 * reader-page-strip.ts); a page that must keep it is kept whole, with a warning once per reason.
 */
function readerPageStripper(bundleUrl: string): (body: Buffer, path: string) => Buffer | null {
  const clientModuleVerdict = clientModuleVerdictFrom(readClientModuleFiles(path.join(process.cwd(), ".next")));
  const logged = new Set<string>();
  return (body, pagePath) => {
    const page = withoutNextRuntime(body, { bundleUrl, clientModuleVerdict });
    if (page.stripped) return page.body;
    if (!logged.has(page.reason) && logged.size < KEPT_REASONS_LOGGED) {
      logged.add(page.reason);
      logger().warn({ path: pagePath, reason: page.reason }, "reader page kept with the Next.js runtime");
    }
    return null;
  };
}

/**
 * `render` renders a miss: through Next.js in this process (render-with-next.ts), or in the
 * process behind the front one (server/front/next-over-socket.ts).
 */
export function startResponseCache(options: {
  env: Env;
  render: Render;
  siteHeaders?: Record<string, string>;
  /** The reader bundle's address (server/islands-bundle.ts); none: pages keep the Next.js runtime. */
  islandsBundleUrl?: string;
}): RunningResponseCache {
  const { env } = options;
  const cache = new ResponseCache({
    maxBytes: env.RESPONSE_CACHE_MB * 1024 * 1024,
    siteHeaders: options.siteHeaders,
    stripReaderPage: options.islandsBundleUrl ? readerPageStripper(options.islandsBundleUrl) : undefined,
    // Decrypted with the server's secret: a made-up cookie is a reader like any other.
    isSignedInSession: async (token) => (await readSessionToken(token, env.NEXTAUTH_SECRET)) !== null,
  });
  const listener = startInvalidationListener({
    databaseUrl: env.DATABASE_URL ?? "",
    cache,
    log: (line) => logger().info(line),
    onInvalidate: env.CDN_PURGE_URL ? cdnPurger(env.CDN_PURGE_URL) : undefined,
  });
  const { render } = options;
  // The listener keeps the shared query memo true as well, so it may be used from now on.
  sharedQueryMemo.enable();
  return {
    cache,
    handle: (req, res, onOutcome) => cache.handle(req, res, render, onOutcome),
    stop: async () => {
      sharedQueryMemo.disable();
      await listener.stop();
    },
  };
}

/**
 * With the response cache off, the shared query memo still saves every page its repeated lists
 * (lib/cache/shared-query-memo.ts): only the listener that keeps it true runs.
 */
export function startSharedQueryMemo(env: Env): { stop(): Promise<void> } {
  const listener = startInvalidationListener({ databaseUrl: env.DATABASE_URL ?? "", log: (line) => logger().info(line) });
  sharedQueryMemo.enable();
  return {
    stop: async () => {
      sharedQueryMemo.disable();
      await listener.stop();
    },
  };
}
