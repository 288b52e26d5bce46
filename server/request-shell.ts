// What every request gets before it is answered, in whichever process owns the public port (the
// one process of server/http-server.ts, or the front process of server/front/): the client's
// address and a request id, the request context, the in-flight count a graceful shutdown waits
// on, HSTS, the access log and the HTTP metrics; and the answer to requests Node cannot parse.
// A plain GET the response cache holds fresh is answered before most of that (server/hit-lane.ts).
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { CLIENT_IP_HEADER } from "@/lib/auth/client-ip";
import { logger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";
import { runInRequestContext } from "@/lib/observability/request-context";
import { routeKind } from "@/lib/observability/route-kind";
import type { HitLane } from "@/server/hit-lane";
import { requestPath } from "@/server/request-guards";

const ignoreError = () => undefined;

/** How long a shutdown waits for requests in flight before cutting them off. */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Whose word the client's address and request id are taken on: `proxy` (TRUST_PROXY=1: the reverse
 * proxy's X-Forwarded-For and X-Request-Id), `front` (the front process, the only one that can reach
 * the Unix socket this process listens on, sends CLIENT_IP_HEADER and X-Request-Id), or nobody's.
 */
export type Forwarder = "proxy" | "front" | "none";

// The address sign-in throttling and comment limits count by.
function clientAddress(req: IncomingMessage, forwarder: Forwarder): string {
  if (forwarder === "front") return String(req.headers[CLIENT_IP_HEADER] ?? "unknown");
  if (forwarder === "proxy") {
    const forwarded = String(req.headers["x-forwarded-for"] ?? "").split(",").map((part) => part.trim()).filter(Boolean);
    const nearest = forwarded.at(-1);
    if (nearest) return nearest;
  }
  return req.socket.remoteAddress ?? "unknown";
}

/** The request's id: the trusted forwarder's when it sent a sane one, else a new one. */
function requestIdFor(req: IncomingMessage, forwarder: Forwarder): string {
  const given = forwarder === "none" ? undefined : req.headers["x-request-id"];
  return typeof given === "string" && /^[A-Za-z0-9._-]{8,100}$/.test(given) ? given : randomUUID();
}

/** Answers a request; `record` hears the response cache's outcome (for the log and metrics). */
export type Answer = (req: IncomingMessage, res: ServerResponse, record: (cacheOutcome: string) => void) => void;

export interface RequestShell {
  server: Server;
  /**
   * Graceful shutdown: stop accepting connections, close idle keep-alive ones, wait (up to the
   * grace period) for the requests being answered, then cut what is left and close the rest.
   */
  close(closeRest: () => Promise<void>): Promise<void>;
}

export function requestShell(options: {
  forwarder: Forwarder;
  hsts: string | null;
  /** False behind the front process: it counts every request itself. */
  countRequests: boolean;
  /**
   * False in the front process: what it hands on is logged, with its queries, by the process
   * behind it; its own answers are hits (logged at debug level, like every hit) and failures.
   */
  logEveryRequest: boolean;
  /**
   * Whether the answer runs in a request context (lib/observability/request-context.ts: the id on
   * every log line, the query count). False in the front process, which makes no queries and logs
   * little: its log lines carry the id themselves, and it never turns on the async hook an
   * AsyncLocalStorage needs, which would cost every cache hit a call for each async resource.
   */
  requestContext: boolean;
  answer: Answer;
  /** Answers cache hits ahead of the rest of the shell, where the process holds the response cache. */
  hitLane?: HitLane | null;
}): RequestShell {
  const { forwarder, hsts, answer, hitLane } = options;
  // Requests being answered, so a shutdown can wait for them.
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
    req.headers[CLIENT_IP_HEADER] = clientAddress(req, forwarder);
    const context = { requestId: requestIdFor(req, forwarder), queryCount: 0 };
    res.setHeader("x-request-id", context.requestId);
    // Whatever this request is handed on to (a render, the process behind the front) goes by the same id.
    req.headers["x-request-id"] = context.requestId;
    const started = performance.now();
    const route = routeKind(requestPath(req.url));
    let cacheOutcome = "NONE";
    res.once("finish", () => {
      const seconds = (performance.now() - started) / 1000;
      if (options.countRequests) {
        const m = metrics();
        m.httpRequests.labels(route, req.method ?? "GET", `${Math.floor(res.statusCode / 100)}xx`).inc();
        m.httpDuration.labels(route).observe(seconds);
        if (cacheOutcome !== "NONE") m.cacheEvents.labels(cacheOutcome.toLowerCase()).inc();
      }
      // Cache hits are the bulk of the traffic: logged only at debug level (and, below it, not
      // even prepared).
      const level = res.statusCode >= 500 ? "error" : cacheOutcome === "HIT" || !options.logEveryRequest ? "debug" : "info";
      if (level === "debug" && !logger().isLevelEnabled("debug")) return;
      const line = { method: req.method, route, status: res.statusCode, ms: Math.round(seconds * 1000), cache: cacheOutcome, queries: context.queryCount };
      if (options.requestContext) runInRequestContext(context, () => logger()[level](line, "request"));
      else logger()[level]({ requestId: context.requestId, ...line }, "request");
    });
    const record = (outcome: string) => (cacheOutcome = outcome);
    if (options.requestContext) runInRequestContext(context, () => answer(req, res, record));
    else answer(req, res, record);
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

  return {
    server,
    close: async (closeRest) => {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timedOut = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), SHUTDOWN_GRACE_MS).unref());
      if ((await Promise.race([whenIdle(), timedOut])) === "timeout") {
        logger().warn({ inFlight }, "shutdown: requests still running after the grace period; cutting them off");
      }
      server.closeAllConnections();
      await closed;
      await closeRest();
    },
  };
}
