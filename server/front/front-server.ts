// The front process (FRONT_PROCESS=on): owns the public port and the response cache with its
// invalidation listener, answers cache hits itself, and hands everything else (misses to render,
// staff, POSTs, the API, assets) to the Next.js process over its Unix socket. It loads neither
// Next.js nor React, so a hit costs what it costs in a bare Node server (issue 24: measured with
// scripts/bench/hit-path-probe.ts).
import { get } from "node:http";
import { serverEnv } from "@/lib/config/env";
import { logger } from "@/lib/observability/logger";
import { captureRootContext } from "@/lib/observability/root-context";
import { strictTransportSecurityFor } from "@/lib/security/strict-transport-security";
import { nextOverSocket } from "@/server/front/next-over-socket";
import { createHitLane } from "@/server/hit-lane";
import { loadIslandsBundle } from "@/server/islands-bundle";
import { serveMetrics } from "@/server/metrics-endpoint";
import { admitRequest } from "@/server/request-refusals";
import { requestShell } from "@/server/request-shell";
import { answerOrPass } from "@/server/response-cache/answer-or-pass";
import { startResponseCache } from "@/server/response-cache/start-response-cache";

export async function startFrontServer(options: { socketPath: string; port: number; host: string }): Promise<{ close(): Promise<void> }> {
  captureRootContext();
  const env = serverEnv();
  const trustProxy = env.TRUST_PROXY === "1";
  const next = nextOverSocket(options.socketPath);
  const hsts = strictTransportSecurityFor(env.NEXTAUTH_URL);
  // The reader bundle the pages the cache keeps load instead of Next's runtime (server/build.ts built it).
  const islands = loadIslandsBundle();
  const cache = startResponseCache({ env, render: next.render, siteHeaders: hsts ? { "strict-transport-security": hsts } : {}, islandsBundleUrl: islands?.url });
  // Not at debug level, where every hit is logged (the lane writes no log line).
  const hitLane = logger().isLevelEnabled("debug") ? null : createHitLane(cache.cache);
  // The Next.js process's own figures, read over the socket (it believes the front's check).
  const behind = () =>
    new Promise<string>((resolve, reject) => {
      get({ socketPath: options.socketPath, path: "/metrics" }, (answer) => {
        let text = "";
        answer.setEncoding("utf8");
        answer.on("data", (chunk: string) => (text += chunk));
        answer.on("end", () => (answer.statusCode === 200 ? resolve(text) : reject(new Error(`metrics: ${answer.statusCode}`))));
      }).on("error", reject);
    });
  const shell = requestShell({
    forwarder: trustProxy ? "proxy" : "none",
    hsts,
    countRequests: true,
    logEveryRequest: false,
    requestContext: false,
    answer: (req, res, record) => {
      if (!admitRequest(req, res, trustProxy)) return;
      if (serveMetrics(req, res, { trustProxy, token: env.METRICS_TOKEN, cache: cache.cache, beforeScrape: hitLane?.flushMetrics, behind })) return;
      if (islands?.serve(req, res)) return;
      answerOrPass(cache, req, res, record, next.passOn);
    },
    hitLane,
  });
  await new Promise<void>((resolve, reject) => {
    shell.server.once("error", reject);
    shell.server.listen(options.port, options.host, () => resolve());
  });
  logger().info({ port: options.port, socket: options.socketPath }, "front process listening");
  return {
    close: () =>
      shell.close(async () => {
        await cache.stop();
        next.close();
      }),
  };
}
