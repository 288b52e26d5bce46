// A small shared cache (what a CDN does with our pages) in front of the app, for the browser
// tests: an answer marked `public, s-maxage=N` is kept N seconds by address and
// Accept-Encoding (our pages `Vary` by it) and given to every later reader as it was stored,
// bytes and headers; everything else is passed through. `x-shared-cache: HIT|MISS` tells which.
import { createServer, request, type IncomingHttpHeaders, type Server } from "node:http";

interface Kept {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  until: number;
}

export interface SharedCache {
  baseUrl: string;
  /** Answers kept, by address. */
  keptFor(path: string): Kept[];
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "date"]);

function sharedMaxAgeSeconds(headers: IncomingHttpHeaders): number {
  const control = String(headers["cache-control"] ?? "");
  if (!/\bpublic\b/.test(control) || headers["set-cookie"]) return 0;
  return Number(/\bs-maxage=(\d+)/.exec(control)?.[1] ?? 0);
}

export async function startSharedCache(originUrl: string): Promise<SharedCache> {
  const origin = new URL(originUrl);
  const kept = new Map<string, Kept>();
  const server: Server = createServer((req, res) => {
    const key = `${req.url} ${req.headers["accept-encoding"] ?? ""}`;
    const hit = req.method === "GET" ? kept.get(key) : undefined;
    if (hit && hit.until > Date.now()) {
      res.writeHead(hit.status, { ...hit.headers, "x-shared-cache": "HIT" });
      res.end(hit.body);
      return;
    }
    const upstream = request({ host: origin.hostname, port: origin.port, method: req.method, path: req.url, headers: { ...req.headers, host: origin.host } }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on("data", (chunk: Buffer) => chunks.push(chunk));
      answer.on("end", () => {
        const body = Buffer.concat(chunks);
        const headers: IncomingHttpHeaders = {};
        for (const [name, value] of Object.entries(answer.headers)) if (!HOP_BY_HOP.has(name)) headers[name] = value;
        headers["content-length"] = String(body.length);
        const maxAge = req.method === "GET" && answer.statusCode === 200 ? sharedMaxAgeSeconds(answer.headers) : 0;
        if (maxAge > 0) kept.set(key, { status: 200, headers, body, until: Date.now() + maxAge * 1000 });
        res.writeHead(answer.statusCode ?? 502, { ...headers, "x-shared-cache": "MISS" });
        res.end(body);
      });
    });
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    keptFor: (path) => [...kept.entries()].filter(([key]) => key.startsWith(`${path} `)).map(([, value]) => value),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
