// Readers' comment calls answered in front of Next.js. Posting must take hundreds of comments a
// second on two cores; measured here, Next.js's request pipeline alone costs about 4 ms of CPU per
// API call (a route that only runs `SELECT 1` tops out near 250 a second per core), more than
// the whole comment post does. So server/http-server.ts hands these routes to the very
// same route handlers (the exported GET/POST of the files under app/api/v1), called directly
// with a Web Request: no copy of their logic, the same Origin check, validation and JSON errors.
// Only routes that need no Next.js request context go here: none of them reads cookies or
// headers() (deleting a comment, which may use a staff session, stays with Next.js).
// Production only: `npm run dev` keeps everything in Next.js for hot reload.
import type { IncomingMessage, ServerResponse } from "node:http";
import { register } from "node:module";
import { withParsedBody } from "@/lib/api/preparsed-body";
import { API_RESPONSE_HEADERS } from "@/server/api-response-headers";
import { MalformedBody } from "@/lib/validation";

/** Every route here has one dynamic segment, the id of a story or a comment. */
type RouteHandler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;

interface LaneRoute {
  method: "GET" | "POST";
  pattern: RegExp;
  load: () => Promise<RouteHandler>;
}

const ROUTES: LaneRoute[] = [
  { method: "GET", pattern: /^\/api\/v1\/articles\/([^/]+)\/comments$/, load: async () => (await import("@/app/api/v1/articles/[id]/comments/route")).GET },
  { method: "POST", pattern: /^\/api\/v1\/articles\/([^/]+)\/comments$/, load: async () => (await import("@/app/api/v1/articles/[id]/comments/route")).POST },
  { method: "POST", pattern: /^\/api\/v1\/comments\/([^/]+)\/like$/, load: async () => (await import("@/app/api/v1/comments/[id]/like/route")).POST },
  { method: "POST", pattern: /^\/api\/v1\/comments\/([^/]+)\/report$/, load: async () => (await import("@/app/api/v1/comments/[id]/report/route")).POST },
];

/** Comment bodies are a few hundred bytes; anything past this is refused before it is read whole. */
export const FAST_LANE_BODY_LIMIT = 64 * 1024;

// Next.js makes "server-only" an empty module in server code; this process loads the route
// modules itself, so it does the same (otherwise the import throws, as it does in a browser).
const SERVER_ONLY_HOOK = `export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export%20%7B%7D", shortCircuit: true };
  return next(specifier, context);
}`;

// import() goes through the module loader's hooks (a message to the loader thread) every time,
// even for a module already loaded: each handler is imported once and kept.
const loaded = new Map<LaneRoute, Promise<RouteHandler>>();
function loadOnce(route: LaneRoute): Promise<RouteHandler> {
  let handler = loaded.get(route);
  if (!handler) {
    handler = route.load();
    loaded.set(route, handler);
  }
  return handler;
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  if (res.headersSent || res.writableEnded) return;
  res.writeHead(status, { ...API_RESPONSE_HEADERS, "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

/**
 * The body, or null once it passes the limit. Past the limit nothing more is kept; the caller
 * answers 413 at once and Node discards the rest of the body (the connection is not cut, so the
 * client reads the answer). The request refusals before this lane already cap every body at 2 MB.
 */
function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > FAST_LANE_BODY_LIMIT) {
        req.off("data", onData);
        req.resume();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

// UTF-8 with a leading byte order mark dropped, as request.json() reads a body; one for all requests.
const utf8 = new TextDecoder();

/** The body as request.json() would give it, or what readJsonBody gives for a body that is not JSON. */
function parsedJson(body: Buffer): unknown {
  try {
    return JSON.parse(utf8.decode(body));
  } catch {
    return new MalformedBody();
  }
}

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}

async function answer(route: LaneRoute, id: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = route.method === "POST" ? await readBody(req) : undefined;
  if (body === null) {
    sendJson(res, 413, { error: { code: "PAYLOAD_TOO_LARGE", message: "요청 본문이 너무 큽니다. 댓글 요청은 64KB 이하로 보내 주세요." } });
    return;
  }
  const handler = await loadOnce(route);
  const request = new Request(new URL(req.url ?? "/", "http://localhost"), { method: route.method, headers: headersOf(req) });
  if (body) withParsedBody(request, parsedJson(body));
  const response = await handler(request, { params: Promise.resolve({ id }) });
  // The request-size guard may have answered already (413 while the body streamed in).
  if (res.headersSent || res.writableEnded) return;
  const out: Record<string, string> = { ...API_RESPONSE_HEADERS };
  response.headers.forEach((value, name) => {
    out[name] = value;
  });
  res.writeHead(response.status, out);
  res.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * The lane: returns whether it took the request (it then answers it); false sends it on to
 * Next.js. Created once per server.
 */
export function createApiFastLane(): (req: IncomingMessage, res: ServerResponse) => boolean {
  register(`data:text/javascript,${encodeURIComponent(SERVER_ONLY_HOOK)}`);
  return (req, res) => {
    const path = (req.url ?? "").split("?")[0] ?? "";
    if (!path.startsWith("/api/v1/")) return false;
    for (const route of ROUTES) {
      if (route.method !== req.method) continue;
      const match = route.pattern.exec(path);
      if (!match?.[1]) continue;
      answer(route, match[1], req, res).catch((error: unknown) => {
        console.error("api fast lane: request failed", req.method, req.url, error);
        if (!res.headersSent) sendJson(res, 500, { error: { code: "INTERNAL", message: "서버 오류가 발생했습니다. 잠시 뒤 다시 시도하세요." } });
        else res.end();
      });
      return true;
    }
    return false;
  };
}
