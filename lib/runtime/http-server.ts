// The process's HTTP entry point. Every request passes through `handleRequest`: first the
// refusals of what must never reach Next.js (lib/runtime/request-refusals.ts), then the response
// cache for readers' pages (lib/runtime/response-cache/), then Next.js.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import next from "next";
import { CLIENT_IP_HEADER } from "@/lib/auth/client-ip";
import { serverEnv } from "@/lib/config/env";
import { admitRequest } from "@/lib/runtime/request-refusals";
import { startResponseCache, type RunningResponseCache } from "@/lib/runtime/response-cache/start-response-cache";
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

  const env = serverEnv();
  const trustProxy = env.TRUST_PROXY === "1";
  const passToNext = (req: IncomingMessage, res: ServerResponse) =>
    nextHandler(req, res).catch((error: unknown) => {
      console.error("request failed", req.method, req.url, error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      if (!res.writableEnded) res.end("Internal Server Error");
    });
  // Not in development: pages change with every edit there.
  const cache: RunningResponseCache | null = !options.dev && env.RESPONSE_CACHE === "on" && env.DATABASE_URL ? startResponseCache({ env, nextHandler: passToNext }) : null;

  const handleRequest = (req: IncomingMessage, res: ServerResponse) => {
    // A refused or cut-off request can make Next.js write to a response we already ended, and
    // a client can drop the connection at any time: neither may crash the process.
    req.on("error", () => undefined);
    res.on("error", () => undefined);
    req.headers[CLIENT_IP_HEADER] = clientAddress(req, trustProxy);
    if (!admitRequest(req, res, trustProxy)) return;
    if (!cache) return void passToNext(req, res);
    cache.handle(req, res).then(
      (outcome) => {
        if (outcome === "PASS") void passToNext(req, res);
      },
      (error: unknown) => {
        console.error("response cache failed; answering without it", req.url, error);
        if (!res.headersSent) void passToNext(req, res);
      },
    );
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
        void cache?.stop();
        void app.close().catch(() => undefined);
      }),
  };
}
