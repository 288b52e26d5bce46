// The process's HTTP entry point. Every request passes through `handleRequest`, so a response
// cache for readers' pages (docs/architecture.md) can answer there before Next.js is asked.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import next from "next";
import { CLIENT_IP_HEADER } from "@/lib/auth/client-ip";
import { createApiFastLane } from "@/lib/runtime/api-fast-lane";
import { StartupError } from "@/lib/runtime/startup-error";

const trustProxy = process.env.TRUST_PROXY === "1";

// The address sign-in throttling and comment limits count by. Only with TRUST_PROXY=1 (the app
// runs behind a reverse proxy that sets X-Forwarded-For) is the header believed.
function clientAddress(req: IncomingMessage): string {
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
  // Readers' comment calls skip Next.js's request pipeline in production (see api-fast-lane.ts).
  const fastLane = options.dev ? () => false : createApiFastLane();

  const handleRequest = (req: IncomingMessage, res: ServerResponse) => {
    req.headers[CLIENT_IP_HEADER] = clientAddress(req);
    if (fastLane(req, res)) return;
    nextHandler(req, res).catch((error: unknown) => {
      console.error("request failed", req.method, req.url, error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end("Internal Server Error");
    });
  };

  const server = createServer(handleRequest);
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
