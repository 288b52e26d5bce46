// The process's HTTP entry point. Every request passes through the request shell
// (server/request-shell.ts), which answers a plain GET the response cache holds at once
// (server/hit-lane.ts); the rest meet first the refusals of what must never reach Next.js
// (server/request-refusals.ts), then the response cache for readers' pages
// (server/response-cache/), then readers' comment calls (server/api-fast-lane.ts), then Next.js.
// With FRONT_PROCESS=on the refusals and the cache move to a front process of their own
// (server/front/), which owns the port; this process then listens on a Unix socket for it.
import { rmSync } from "node:fs";
import { chmod } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import next from "next";
import { serverEnv } from "@/lib/config/env";
import { logger, routeConsoleErrorsToLogger } from "@/lib/observability/logger";
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
import { frontSocketPath } from "@/server/front/front-protocol";
import { isRenderForFront, renderForFront } from "@/server/front/render-for-front";
import { startFrontProcess, type RunningFront } from "@/server/front/start-front";
import { requestShell } from "@/server/request-shell";
import { answerOrPass } from "@/server/response-cache/answer-or-pass";
import { renderWithNext } from "@/server/response-cache/render-with-next";
import { startResponseCache, startSharedQueryMemo, type RunningResponseCache } from "@/server/response-cache/start-response-cache";
import { withResponseStatusScope } from "@/lib/http/response-status";
import { StartupError } from "@/lib/config/startup-error";
import { flushViewsBeforeExit } from "@/lib/views/view-counter";

/** Closes the process's database client (kept on globalThis by lib/db.ts, shared with Next.js's bundle). */
async function disconnectDatabase(): Promise<void> {
  const holder = globalThis as unknown as { newsroomDb?: { $disconnect(): Promise<void> } };
  await holder.newsroomDb?.$disconnect().catch(() => undefined);
  holder.newsroomDb = undefined;
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
  // Behind a front process, this one answers only it: the front holds the cache, and misses come
  // here as renders for it (server/front/render-for-front.ts).
  const behindFront = !options.dev && env.FRONT_PROCESS === "on" && env.RESPONSE_CACHE === "on" && Boolean(env.DATABASE_URL);
  const renderForCache = renderWithNext((req, res) => void renderMiss(req, res));
  // Built with the app (server/build.ts); the pages the cache keeps load it instead of Next's runtime.
  // Behind the front, the front holds the cache and serves the bundle: nothing asks this process for it.
  const islands = options.dev || behindFront ? null : loadIslandsBundle();
  const cache: RunningResponseCache | null =
    !behindFront && !options.dev && env.RESPONSE_CACHE === "on" && env.DATABASE_URL
      ? startResponseCache({ env, render: renderForCache, siteHeaders: hsts ? { "strict-transport-security": hsts } : {}, islandsBundleUrl: islands?.url })
      : null;
  // Not at debug level, where every hit is logged (the lane writes no log line).
  const hitLane = cache && !logger().isLevelEnabled("debug") ? createHitLane(cache.cache) : null;
  const memoOnly = !cache && !options.dev && env.DATABASE_URL ? startSharedQueryMemo(env) : null;
  // Jobs queued by changes (a 임시조치's end ...), taken by whichever instance is free.
  const jobs = env.DATABASE_URL ? await startJobQueue(env.DATABASE_URL) : null;

  const answer = (req: IncomingMessage, res: ServerResponse, record: (cache: string) => void) => {
    if (!admitRequest(req, res, trustProxy)) return;
    if (serveMetrics(req, res, { trustProxy, token: env.METRICS_TOKEN, cache: cache?.cache, beforeScrape: hitLane?.flushMetrics, callerChecked: behindFront })) return;
    if (behindFront && isRenderForFront(req)) {
      renderForFront(renderForCache, req, res).catch((error: unknown) => {
        logger().error({ err: error, route: routeKind(requestPath(req.url)) }, "render for the front process failed");
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
        if (!res.writableEnded) res.end("Internal Server Error");
      });
      return;
    }
    if (islands?.serve(req, res)) return;
    if (!cache) return passOn(req, res);
    answerOrPass(cache, req, res, record, passOn);
  };

  const shell = requestShell({ forwarder: behindFront ? "front" : trustProxy ? "proxy" : "none", hsts, countRequests: !behindFront, logEveryRequest: true, requestContext: true, answer, hitLane });
  const server = shell.server;
  const socketPath = behindFront ? frontSocketPath(process.pid) : null;
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new PortInUseError(`port ${options.port} is already in use; set PORT to a free port`) : error),
    );
    if (socketPath) {
      // A socket file left by a process of the same id that did not stop cleanly.
      rmSync(socketPath, { force: true });
      // The front keeps its connections open between requests: were this side to close an idle
      // one as the front reuses it, the request on it would fail (the keep-alive race of proxies).
      server.keepAliveTimeout = 0;
      server.listen(socketPath, () => resolve());
    } else server.listen(options.port, options.host, () => resolve());
  });
  let front: RunningFront | null = null;
  if (socketPath) {
    // Only this user may hand requests to Next.js: what comes over the socket is believed.
    await chmod(socketPath, 0o600);
    front = await startFrontProcess(socketPath, (code) => {
      // Without its front nothing reaches this process: it stops too, for its supervisor to restart.
      process.kill(process.pid, "SIGTERM");
      process.exitCode = code ?? 1;
    });
  }

  return {
    server,
    close: async () => {
      // The front first: it finishes what it holds (misses and passes it waits on from here).
      await front?.stop();
      await shell.close(async () => {
        await cache?.stop();
        await memoOnly?.stop();
        // Jobs running finish (or are retried later by another instance) before the database goes.
        await jobs?.stop();
        await app.close().catch(() => undefined);
        // Buffered page views are written before the database goes (lib/views/view-counter.ts).
        await flushViewsBeforeExit();
        await disconnectDatabase();
        if (socketPath) rmSync(socketPath, { force: true });
      });
    },
  };
}
