// What a cache hit costs outside the process that hosts Next.js (issue 24): one ~100 KB article
// page stored in a ResponseCache, served by a bare `http.createServer` in three ways, each measured
// with wrk exactly as the bench measures (server on CPU 0, wrk on CPU 1, 50 connections):
//   bare      the bench's baseline (scripts/bench/baseline-server.ts): the same bytes, two headers
//   cache     ResponseCache.handle alone
//   extras    ResponseCache.handle plus what server/http-server.ts adds to every request (request
//             id, request context, metrics, the in-flight count's listeners, the refusals check)
// Usage: flock /work/wt/bench.lock npx tsx scripts/bench/hit-path-probe.ts [page.html] [--seconds 10] [--runs 1]
// (a page the app rendered, with its nonce; without one, a made-up page of the same size).
// One variant alone: node --import tsx scripts/bench/hit-path-probe.ts --serve <variant> <html-file> <port>
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { register } from "node:module";
import os from "node:os";
import path from "node:path";
import { SERVER_ONLY_IS_EMPTY } from "@/server/server-only-hook";
import { findFreePort } from "@/tests/support/test-cluster";
import { PATH_LIST_LUA, runWrk } from "./wrk";

const VARIANTS = ["bare", "cache", "extras"] as const;
type Variant = (typeof VARIANTS)[number];
const PAGE_PATH = "/articles/1000/probe-story";
const NONCE = "cHJvYmUtbm9uY2UtMTIzNA==";

/** A made-up page of the bench's article size, with nonced inline scripts like Next.js's. */
function madeUpPage(): string {
  const script = (i: number) => `<script nonce="${NONCE}">self.__next_f.push([1,"${"x".repeat(900)}${i}"])</script>`;
  const scripts = Array.from({ length: 30 }, (_, i) => script(i)).join("");
  const paragraph = "<p>" + "서울 시내 한 기자가 오늘 아침 취재한 내용을 정리했다. ".repeat(20) + "</p>";
  let html = `<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>probe</title></head><body>${scripts}`;
  while (Buffer.byteLength(html) < 101_000) html += paragraph;
  return `${html}</body></html>`;
}

async function serve(variant: Variant, file: string, port: number): Promise<void> {
  const body = await readFile(file);
  if (variant === "bare") {
    createServer((req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.length });
      res.end(body);
    }).listen(port, "127.0.0.1", () => console.log("ready"));
    return;
  }
  register(SERVER_ONLY_IS_EMPTY);
  const { ResponseCache } = await import("@/server/response-cache/response-cache");
  const { contentSecurityPolicy } = await import("@/lib/security/content-security-policy");
  const { cacheTag } = await import("@/lib/cache/cache-tags");
  const cache = new ResponseCache({ maxBytes: 64 * 1024 * 1024 });
  // The headers a rendered article page comes with (next.config.js and proxy.ts set them).
  const render = () =>
    Promise.resolve({
      status: 200,
      headers: {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": contentSecurityPolicy({ nonce: NONCE, dev: false, framing: "none", kakaoShare: false }),
        "x-content-type-options": "nosniff",
        "referrer-policy": "strict-origin-when-cross-origin",
        "permissions-policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
        "x-frame-options": "DENY",
        "content-language": "ko",
        link: '</_next/static/media/font.woff2>; rel=preload; as="font"; crossorigin=""; type="font/woff2"',
      },
      body,
      tags: new Set([cacheTag.story(1000), cacheTag.section("politics"), cacheTag.mostRead]),
    });
  if (variant === "cache") {
    createServer((req, res) => {
      if (cache.handle(req, res, render) === "PASS") {
        res.writeHead(404);
        res.end();
      }
    }).listen(port, "127.0.0.1", () => console.log("ready"));
    return;
  }
  const { metrics } = await import("@/lib/observability/metrics");
  const { runInRequestContext } = await import("@/lib/observability/request-context");
  const { routeKind } = await import("@/lib/observability/route-kind");
  const { admitRequest } = await import("@/server/request-refusals");
  const { requestPath } = await import("@/server/request-guards");
  const { serveMetrics } = await import("@/server/metrics-endpoint");
  const { CLIENT_IP_HEADER } = await import("@/lib/auth/client-ip");
  const { logger } = await import("@/lib/observability/logger");
  // As server/http-server.ts handleRequest does, less Next.js.
  let inFlight = 0;
  createServer((req: IncomingMessage, res: ServerResponse) => {
    inFlight += 1;
    res.once("close", () => {
      inFlight -= 1;
    });
    req.on("error", () => undefined);
    res.on("error", () => undefined);
    req.headers[CLIENT_IP_HEADER] = req.socket.remoteAddress ?? "unknown";
    const context = { requestId: randomUUID(), queryCount: 0 };
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
      const level = res.statusCode >= 500 ? "error" : cacheOutcome === "HIT" ? "debug" : "info";
      if (level === "debug" && !logger().isLevelEnabled("debug")) return;
      runInRequestContext(context, () => logger()[level]({ route, status: res.statusCode, cache: cacheOutcome }, "request"));
    });
    runInRequestContext(context, () => {
      if (!admitRequest(req, res, true)) return;
      if (serveMetrics(req, res, { trustProxy: true, token: undefined, cache })) return;
      if (cache.handle(req, res, render, (outcome) => (cacheOutcome = outcome)) === "PASS") {
        res.writeHead(404);
        res.end();
      }
    });
  }).listen(port, "127.0.0.1", () => console.log(`ready ${inFlight}`));
}

async function startVariant(variant: Variant, file: string): Promise<{ url: string; stop(): void }> {
  const port = await findFreePort();
  const child = spawn("taskset", ["-c", "0", process.execPath, "--import", "tsx", process.argv[1]!, "--serve", variant, file, String(port)], { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, LOG_LEVEL: "info" } });
  await new Promise<void>((resolve, reject) => {
    child.stdout.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`${variant} exited (${code})`)));
  });
  const url = `http://127.0.0.1:${port}`;
  // Fills the cache (the first request is a miss) and warms the code.
  for (let i = 0; i < 200; i += 1) await fetch(`${url}${PAGE_PATH}`).then((r) => r.arrayBuffer());
  return { url, stop: () => child.kill("SIGTERM") };
}

async function measure(): Promise<void> {
  const argv = process.argv.slice(2);
  const option = (name: string, fallback: number) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
  const seconds = option("--seconds", 10);
  const runs = option("--runs", 1);
  const given = argv.find((arg, i) => !arg.startsWith("--") && !argv[i - 1]?.startsWith("--"));
  const folder = await mkdtemp(path.join(os.tmpdir(), "hit-probe-"));
  try {
    const file = path.join(folder, "page.html");
    await writeFile(file, given ? await readFile(given) : madeUpPage());
    await writeFile(path.join(folder, "paths"), `${PAGE_PATH}\n`);
    await writeFile(path.join(folder, "paths.lua"), PATH_LIST_LUA);
    console.log(`page ${(await readFile(file)).length} bytes (${given ?? "made up"}); load average ${os.loadavg().map((n) => n.toFixed(2)).join(", ")}`);
    for (let run = 0; run < runs; run += 1) {
      for (const variant of VARIANTS) {
        const server = await startVariant(variant, file);
        try {
          const result = await runWrk({ scriptFile: path.join(folder, "paths.lua"), url: server.url, connections: 50, seconds, args: [path.join(folder, "paths"), "", ""] });
          console.log(`${variant.padEnd(7)} ${result.requestsPerSecond} req/s  p50 ${result.latencyMs.p50} ms  p99 ${result.latencyMs.p99} ms  non2xx ${result.non2xx}  load ${os.loadavg()[0]!.toFixed(2)}`);
        } finally {
          server.stop();
        }
      }
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--serve") await serve(process.argv[3] as Variant, process.argv[4]!, Number(process.argv[5]));
else await measure();
