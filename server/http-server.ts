// The process's HTTP entry point. Every request passes through `handleRequest`: a plain GET the
// response cache holds is answered at once (server/hit-lane.ts); the rest get the request shell
// (id, context, access log, metrics), then the refusals of what must never reach Next.js
// (server/request-refusals.ts), then the response cache for readers' pages
// (server/response-cache/), then readers' comment calls (server/api-fast-lane.ts), then Next.js.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import next from "next";
import { CLIENT_IP_HEADER } from "@/lib/auth/client-ip";
import { serverEnv } from "@/lib/config/env";
import { logger, routeConsoleErrorsToLogger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";
import { runInRequestContext } from "@/lib/observability/request-context";
import { captureRootContext } from "@/lib/observability/root-context";
import { strictTransportSecurityFor } from "@/lib/security/strict-transport-security";
import { routeKind } from "@/lib/observability/route-kind";
import { createApiFastLane } from "@/server/api-fast-lane";
import { createHitLane } from "@/server/hit-lane";
import { loadIslandsBundle } from "@/server/islands-bundle";
import { startJobQueue } from "@/server/job-queue";
import { readFastLaneTable } from "@/server/fast-lane-table";
import { serveMetrics } from "@/server/metrics-endpoint";
import { admitRequest, bodylessApiRefusalIsJson } from "@/server/request-refusals";
import { requestPath } from "@/server/request-guards";
import type { CacheOutcome } from "@/server/response-cache/response-cache";
import { startResponseCache, startSharedQueryMemo, type RunningResponseCache } from "@/server/response-cache/start-response-cache";
import { withResponseStatusScope } from "@/lib/http/response-status";
import { StartupError } from "@/lib/config/startup-error";
import { flushViewsBeforeExit } from "@/lib/views/view-counter";

// The address sign-in throttling and comment limits count by. Only with TRUST_PROXY=1 (the app
// runs behind a reverse proxy that sets X-Forwarded-For) is the header believed.
function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = String(req.headers["x-forwarded-for"] ?? "").split(",").map((part) => part.trim()).filter(Boolean);
    const nearest = forwarded.at(-1);
    if (nearest) return nearest;
  }
  return req.socket.remoteAddress ?? "unknown";
}

const ignoreError = () => undefined;

/** How long a shutdown waits for requests in flight before cutting them off. */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Graceful shutdown: stop accepting connections, close idle keep-alive ones, wait (up to the
 * grace period) for the requests being answered, then cut what is left and close the rest (the
 * cache's listener, Next.js, the database pools) so nothing in flight loses its database.
 */
async function drainAndClose(options: { server: Server; inFlight: () => number; whenIdle: () => Promise<void>; graceMs: number; closeRest: () => Promise<void> }): Promise<void> {
  const closed = new Promise<void>((resolve) => options.server.close(() => resolve()));
  options.server.closeIdleConnections();
  const timedOut = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), options.graceMs).unref());
  if ((await Promise.race([options.whenIdle(), timedOut])) === "timeout") {
    logger().warn({ inFlight: options.inFlight() }, "shutdown: requests still running after the grace period; cutting them off");
  }
  options.server.closeAllConnections();
  await closed;
  await options.closeRest();
}

/** Closes the process's database client (kept on globalThis by lib/db.ts, shared with Next.js's bundle). */
async function disconnectDatabase(): Promise<void> {
  const holder = globalThis as unknown as { newsroomDb?: { $disconnect(): Promise<void> } };
  await holder.newsroomDb?.$disconnect().catch(() => undefined);
  holder.newsroomDb = undefined;
}

/** The request's id: the trusted proxy's when it sent a sane one, else a new one. */
function requestIdFor(req: IncomingMessage, trustProxy: boolean): string {
  const given = trustProxy ? req.headers["x-request-id"] : undefined;
  return typeof given === "string" && /^[A-Za-z0-9._-]{8,100}$/.test(given) ? given : randomUUID();
}

export interface RunningServer {
  server: Server;
  close(): Promise<void>;
}

class PortInUseError extends StartupError {
  override name = "PortInUseError";
}

/** Resolves when nothing listens on host:port; rejects with PortInUseError otherwise. */
export async function assertPortFree(port: number, host: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new PortInUseError(`port ${port} is already in use; stop the other program or set PORT to a free port`)
          : error,
      ),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

export async function startHttpServer(options: { dev: boolean; port: number; host: string }): Promise<RunningServer> {
  captureRootContext();
  const laneTable = options.dev ? null : await readFastLaneTable();
  const app = next({ dev: options.dev, dir: process.cwd(), port: options.port, hostname: options.host });
  await app.prepare();
  const nextHandler = app.getRequestHandler();
  routeConsoleErrorsToLogger();

  const env = serverEnv();
  const trustProxy = env.TRUST_PROXY === "1";
  const hsts = strictTransportSecurityFor(env.NEXTAUTH_URL);
  // Every render goes through here (straight to the client, or into the response cache), so a
  // page's own status (410 for a withdrawn story, lib/http/response-status.ts) applies to both.
  const passToNext = (req: IncomingMessage, res: ServerResponse) => {
    if (requestPath(req.url).startsWith("/api/")) bodylessApiRefusalIsJson(res);
    return withResponseStatusScope(res, () => nextHandler(req, res)).catch((error: unknown) => {
      logger().error({ err: error, method: req.method, route: routeKind(requestPath(req.url)) }, "request failed");
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      if (!res.writableEnded) res.end("Internal Server Error");
    });
  };
  // Readers' comment calls skip Next.js's request pipeline in production (see api-fast-lane.ts).
  const fastLane = laneTable ? createApiFastLane(laneTable) : () => false;
  const passOn = (req: IncomingMessage, res: ServerResponse) => {
    if (!fastLane(req, res)) void passToNext(req, res);
  };
  // Not in development: pages change with every edit there. A miss is rendered the way it would
  // be answered: a comment list by the fast lane (a busy story's list is rendered a few times a
  // second), everything else by Next.js.
  const renderMiss = (req: IncomingMessage, res: ServerResponse) => (fastLane(req, res) ? Promise.resolve() : passToNext(req, res));
  // Built with the app (server/build.ts); the pages the cache keeps load it instead of Next's runtime.
  const islands = options.dev ? null : loadIslandsBundle();
  const cache: RunningResponseCache | null =
    !options.dev && env.RESPONSE_CACHE === "on" && env.DATABASE_URL
      ? startResponseCache({ env, nextHandler: renderMiss, siteHeaders: hsts ? { "strict-transport-security": hsts } : {}, islandsBundleUrl: islands?.url })
      : null;
  // Not at debug level, where every hit is logged (the lane writes no log line).
  const hitLane = cache && !logger().isLevelEnabled("debug") ? createHitLane(cache.cache) : null;
  const memoOnly = !cache && !options.dev && env.DATABASE_URL ? startSharedQueryMemo(env) : null;
  // Jobs queued by changes (a 임시조치's end ...), taken by whichever instance is free.
  const jobs = env.DATABASE_URL ? await startJobQueue(env.DATABASE_URL) : null;

  const answer = (req: IncomingMessage, res: ServerResponse, record: (cache: string) => void) => {
    if (!admitRequest(req, res, trustProxy)) return;
    if (serveMetrics(req, res, { trustProxy, token: env.METRICS_TOKEN, cache: cache?.cache, beforeScrape: hitLane?.flushMetrics })) return;
    if (islands?.serve(req, res)) return;
    if (!cache) return passOn(req, res);
    const failed = (error: unknown) => {
      logger().error({ err: error }, "response cache failed; answering without it");
      if (!res.headersSent) passOn(req, res);
    };
    let outcome: CacheOutcome | Promise<CacheOutcome>;
    try {
      outcome = cache.handle(req, res, record);
    } catch (error) {
      return failed(error);
    }
    if (outcome === "PASS") passOn(req, res);
    else if (typeof outcome !== "string") {
      outcome.then((settled) => {
        if (settled === "PASS") passOn(req, res);
      }, failed);
    }
  };

  // Requests being answered, so a shutdown can wait for them (see drainAndClose).
  let inFlight = 0;
  let idleWaiters: (() => void)[] = [];
  const whenIdle = () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve)));
  let draining = false;

  // One function for every response, not a closure per request (a hit allocates as little as it can).
  const closed = () => {
    inFlight -= 1;
    if (inFlight === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  };

  const handleRequest = (req: IncomingMessage, res: ServerResponse) => {
    inFlight += 1;
    res.on("close", closed);
    // A refused or cut-off request can make Next.js write to a response we already ended, and
    // a client can drop the connection at any time: neither may crash the process.
    req.on("error", ignoreError);
    res.on("error", ignoreError);
    // While draining, every answer takes the full path below, which tells the client to reconnect.
    if (!draining && hitLane?.answer(req, res)) return;
    if (hsts) res.setHeader("strict-transport-security", hsts);
    // While draining, tell keep-alive clients to reconnect (to another instance) after this answer.
    if (draining) res.setHeader("connection", "close");
    req.headers[CLIENT_IP_HEADER] = clientAddress(req, trustProxy);
    const context = { requestId: requestIdFor(req, trustProxy), queryCount: 0 };
    res.setHeader("x-request-id", context.requestId);
    const started = performance.now();
    const route = routeKind(requestPath(req.url));
    let cacheOutcome = "NONE";
    res.once("finish", () => {
      const seconds = (performance.now() - started) / 1000;
      const m = metrics();
      m.httpRequests.labels(route, req.method ?? "GET", `${Math.floor(res.statusCode / 100)}xx`).inc();
      m.httpDuration.labels(route).observe(seconds);
      if (cacheOutcome !== "NONE") m.cacheEvents.labels(cacheOutcome.toLowerCase()).inc();
      // Cache hits are the bulk of the traffic: logged only at debug level (and, below it, not
      // even prepared).
      const level = res.statusCode >= 500 ? "error" : cacheOutcome === "HIT" ? "debug" : "info";
      if (level === "debug" && !logger().isLevelEnabled("debug")) return;
      runInRequestContext(context, () =>
        logger()[level]({ method: req.method, route, status: res.statusCode, ms: Math.round(seconds * 1000), cache: cacheOutcome, queries: context.queryCount }, "request"),
      );
    });
    runInRequestContext(context, () => answer(req, res, (outcome) => (cacheOutcome = outcome)));
  };

  const server = createServer(handleRequest);
  // Requests Node cannot even parse (a request line or headers over 16 KB, broken framing) get a
  // JSON answer like every other refusal instead of Node's bare status line.
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
    const status = tooLarge ? "431 Request Header Fields Too Large" : "400 Bad Request";
    const body = JSON.stringify({ error: { code: tooLarge ? "HEADERS_TOO_LARGE" : "BAD_REQUEST", message: tooLarge ? "요청 주소나 헤더가 너무 깁니다." : "요청을 읽을 수 없습니다." } });
    socket.end(`HTTP/1.1 ${status}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new PortInUseError(`port ${options.port} is already in use; set PORT to a free port`) : error),
    );
    server.listen(options.port, options.host, () => resolve());
  });

  return {
    server,
    close: () => {
      draining = true;
      return drainAndClose({
        server,
        inFlight: () => inFlight,
        whenIdle,
        graceMs: SHUTDOWN_GRACE_MS,
        closeRest: async () => {
          await cache?.stop();
          await memoOnly?.stop();
          // Jobs running finish (or are retried later by another instance) before the database goes.
          await jobs?.stop();
          await app.close().catch(() => undefined);
          // Buffered page views are written before the database goes (lib/views/view-counter.ts).
          await flushViewsBeforeExit();
          await disconnectDatabase();
        },
      });
    },
  };
}
