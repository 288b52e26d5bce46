// The process's HTTP entry point. Every request passes through `handleRequest`, which refuses
// what must never reach Next.js (unknown methods, oversized bodies, cross-site server actions)
// and is where a response cache for readers' pages (docs/architecture.md) answers first.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import next from "next";
import { CLIENT_IP_HEADER } from "@/lib/auth/client-ip";
import { serverEnv } from "@/lib/config/env";
import { ALLOWED_METHODS, BODY_LIMITS, bodyLimitKind, declaredLength, isDecodablePath, isServerActionFromThisSite, requestPath } from "@/lib/runtime/request-guards";
import { StartupError } from "@/lib/runtime/startup-error";

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

/** How long a refused request's connection may keep sending before it is cut. */
const REFUSED_LINGER_MS = 5_000;

/**
 * Answers with a JSON error without reading the rest of the body into memory. Node discards
 * whatever body the client still sends, so the client reads the answer instead of a reset.
 */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  if (!res.headersSent) {
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers });
  }
  if (!res.writableEnded) res.end(JSON.stringify({ error: { code, message } }));
}

/**
 * An oversized body is refused at once, before any of it is read. Node then reads and discards
 * the rest (memory stays flat; the server's requestTimeout bounds how long), so the client gets
 * the answer and can reuse the connection.
 */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse): void {
  refuse(req, res, 413, "PAYLOAD_TOO_LARGE", TOO_LARGE_MESSAGE);
}

const TOO_LARGE_MESSAGE = "요청 본문이 너무 큽니다. 사진은 20MB, 그 밖의 요청은 2MB 이하로 보내 주세요.";

/**
 * For bodies sent without Content-Length (chunked): counts bytes as the HTTP parser hands them
 * to the request stream and, at the limit, answers 413 and ends the stream early, so nothing
 * downstream can buffer more. Later chunks are dropped (returning false also pauses the socket).
 * `push` is what Node's HTTP parser calls for each body chunk.
 */
function limitStreamingBody(req: IncomingMessage, res: ServerResponse, limit: number): void {
  let seen = 0;
  let cut = false;
  const push = req.push.bind(req);
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (cut) return false;
    if (chunk instanceof Uint8Array || typeof chunk === "string") {
      seen += chunk.length;
      if (seen > limit) {
        cut = true;
        refuseTooLarge(req, res);
        push(null);
        // The stream is ended and the socket paused: this connection cannot carry another
        // request, so it is closed once the client has had time to read the answer.
        const socket = req.socket;
        setTimeout(() => socket.destroy(), REFUSED_LINGER_MS).unref();
        return false;
      }
    }
    return push(chunk, encoding);
  };
}

/**
 * Next.js answers a server-action request whose body it cannot decode (not React's reply
 * format, malformed multipart) with a 500. Our actions never throw: lib/actions/staff-action.ts
 * turns every error into a result the form shows. So a 500 on an action request is Next.js
 * refusing malformed input, which is a 400.
 */
function malformedActionIsBadRequest(res: ServerResponse): void {
  const writeHead = res.writeHead.bind(res) as (status: number, ...rest: unknown[]) => ServerResponse;
  res.writeHead = ((status: number, ...rest: unknown[]) => writeHead(status === 500 ? 400 : status, ...rest)) as ServerResponse["writeHead"];
}

export interface RunningServer {
  server: Server;
  close(): Promise<void>;
}

export class PortInUseError extends StartupError {
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
  const app = next({ dev: options.dev, dir: process.cwd(), port: options.port, hostname: options.host });
  await app.prepare();
  const nextHandler = app.getRequestHandler();

  const trustProxy = serverEnv().TRUST_PROXY === "1";

  const handleRequest = (req: IncomingMessage, res: ServerResponse) => {
    // A refused or cut-off request can make Next.js write to a response we already ended, and
    // a client can drop the connection at any time: neither may crash the process.
    req.on("error", () => undefined);
    res.on("error", () => undefined);
    req.headers[CLIENT_IP_HEADER] = clientAddress(req, trustProxy);

    const method = req.method ?? "GET";
    if (!ALLOWED_METHODS.has(method)) {
      return refuse(req, res, 405, "METHOD_NOT_ALLOWED", "지원하지 않는 요청 방식입니다.", { allow: [...ALLOWED_METHODS].join(", ") });
    }
    const path = requestPath(req.url);
    if (!isDecodablePath(path)) return refuse(req, res, 400, "VALIDATION", "주소가 올바르지 않습니다.");
    if (method === "POST" && req.headers["next-action"] !== undefined && !isServerActionFromThisSite(req.headers, trustProxy)) {
      return refuse(req, res, 403, "FORBIDDEN", "다른 사이트에서 보낸 요청은 받을 수 없습니다.");
    }
    const limit = BODY_LIMITS[bodyLimitKind(method, path, req.headers)];
    const length = declaredLength(req.headers);
    if (length === "invalid") return refuse(req, res, 400, "VALIDATION", "요청 길이(Content-Length)가 올바르지 않습니다.");
    if (length !== null && length > limit) return refuseTooLarge(req, res);
    if (length === null) limitStreamingBody(req, res, limit);
    if (method === "POST" && req.headers["next-action"] !== undefined) malformedActionIsBadRequest(res);

    nextHandler(req, res).catch((error: unknown) => {
      console.error("request failed", req.method, path, error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      if (!res.writableEnded) res.end("Internal Server Error");
    });
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
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        void app.close().catch(() => undefined);
      }),
  };
}
