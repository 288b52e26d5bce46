// Readers' comment calls answered in front of Next.js. Posting must take hundreds of comments a
// second on two cores; measured here, Next.js's request pipeline alone costs about 4 ms of CPU per
// API call (a route that only runs `SELECT 1` tops out near 250 a second per core), more than
// the whole comment post does. So server/http-server.ts hands these routes to the very same
// route handlers (the exported methods of the files under app/api/v1), called directly with a
// Web Request: no copy of their logic, the same Origin check, validation and JSON errors.
// Which routes: those whose spec says `fastLane: true` (public routes that need no Next.js
// request context), as the table written with the build lists them (server/fast-lane-table.ts).
// Production only: `npm run dev` keeps everything in Next.js for hot reload.
import type { IncomingMessage, ServerResponse } from "node:http";
import { register } from "node:module";
import { withParsedBody } from "@/lib/api/preparsed-body";
import { isDescribedHandler, type DescribedHandler } from "@/lib/api/route-spec";
import { importRouteFile } from "@/server/api-route-files";
import { API_RESPONSE_HEADERS } from "@/server/api-response-headers";
import type { FastLaneTable } from "@/server/fast-lane-table";
import { SERVER_ONLY_IS_EMPTY } from "@/server/server-only-hook";
import { MalformedBody } from "@/lib/validation";

interface LaneRoute {
  method: string;
  file: string;
  pattern: RegExp;
  /** The names of the pattern's groups, in order. */
  params: string[];
  /** Routes Next.js would pick instead for some paths the pattern matches (a static segment where this one has a parameter). */
  shadowedBy: RegExp[];
  handler?: Promise<DescribedHandler>;
}

const isParam = (segment: string | undefined) => segment?.startsWith("{") ?? false;

/** "/api/v1/articles/{id}/comments" -> /^\/api\/v1\/articles\/([^/]+)\/comments$/ */
function patternOf(path: string): RegExp {
  const source = path
    .split("/")
    .map((segment) => (isParam(segment) ? "([^/]+)" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("\\/");
  return new RegExp(`^${source}$`);
}

/**
 * Whether Next.js would route some path matching `lane` to `other` instead: both can match the
 * same path, and at the first segment where one has a parameter and the other does not, `other`
 * has the fixed text (Next.js prefers static segments).
 */
function shadows(other: string, lane: string): boolean {
  const a = other.split("/");
  const b = lane.split("/");
  if (other === lane || a.length !== b.length) return false;
  let firstDifference: boolean | undefined;
  for (let i = 0; i < a.length; i++) {
    if (!isParam(a[i]) && !isParam(b[i]) && a[i] !== b[i]) return false;
    if (firstDifference === undefined && isParam(a[i]) !== isParam(b[i])) firstDifference = !isParam(a[i]);
  }
  return firstDifference === true;
}

export function laneRoutesOf(table: FastLaneTable): LaneRoute[] {
  return table.lane.map(({ method, path, file }) => ({
    method,
    file,
    pattern: patternOf(path),
    params: path.split("/").filter(isParam).map((segment) => segment.slice(1, -1)),
    shadowedBy: table.paths.filter((other) => shadows(other, path)).map(patternOf),
  }));
}

/** Comment bodies are a few hundred bytes; anything past this is refused before it is read whole. */
const FAST_LANE_BODY_LIMIT = 64 * 1024;

/**
 * The route's handler, imported once and kept: import() goes through the module loader's hooks
 * (a message to the loader thread) every time, even for a module already loaded. Refuses a
 * handler whose spec no longer puts it on the lane (a table older than the sources).
 */
function handlerOf(route: LaneRoute): Promise<DescribedHandler> {
  route.handler ??= importRouteFile(route.file).then((exports) => {
    const handler = exports[route.method];
    if (!isDescribedHandler(handler) || handler.spec.access !== "public" || !handler.spec.fastLane) {
      throw new Error(`${route.method} app/api/v1/${route.file}: not a fast-lane route; the fast lane's table is older than the sources`);
    }
    return handler;
  });
  return route.handler;
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

async function answer(route: LaneRoute, params: Record<string, string>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = route.method === "POST" ? await readBody(req) : undefined;
  if (body === null) {
    sendJson(res, 413, { error: { code: "PAYLOAD_TOO_LARGE", message: "요청 본문이 너무 큽니다. 댓글 요청은 64KB 이하로 보내 주세요." } });
    return;
  }
  const handler = await handlerOf(route);
  const request = new Request(new URL(req.url ?? "/", "http://localhost"), { method: route.method, headers: headersOf(req) });
  if (body) withParsedBody(request, parsedJson(body));
  const response = await handler(request, { params: Promise.resolve(params) });
  // The request-size guard may have answered already (413 while the body streamed in).
  if (res.headersSent || res.writableEnded) return;
  const out: Record<string, string> = { ...API_RESPONSE_HEADERS };
  response.headers.forEach((value, name) => {
    out[name] = value;
  });
  res.writeHead(response.status, out);
  res.end(Buffer.from(await response.arrayBuffer()));
}

/** The lane route that answers this request, and its path parameters; null leaves it to Next.js. */
export function laneRouteFor(routes: readonly LaneRoute[], method: string | undefined, path: string): { route: LaneRoute; params: Record<string, string> } | null {
  for (const route of routes) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(path);
    if (!match || (route.shadowedBy.length > 0 && route.shadowedBy.some((other) => other.test(path)))) continue;
    const params: Record<string, string> = {};
    for (let i = 0; i < route.params.length; i++) params[route.params[i]!] = match[i + 1]!;
    return { route, params };
  }
  return null;
}

/**
 * The lane: returns whether it took the request (it then answers it); false sends it on to
 * Next.js. Created once per server.
 */
export function createApiFastLane(table: FastLaneTable): (req: IncomingMessage, res: ServerResponse) => boolean {
  register(SERVER_ONLY_IS_EMPTY);
  const routes = laneRoutesOf(table);
  return (req, res) => {
    const path = (req.url ?? "").split("?")[0] ?? "";
    if (!path.startsWith("/api/v1/")) return false;
    const found = laneRouteFor(routes, req.method, path);
    if (!found) return false;
    answer(found.route, found.params, req, res).catch((error: unknown) => {
      console.error("api fast lane: request failed", req.method, req.url, error);
      if (!res.headersSent) sendJson(res, 500, { error: { code: "INTERNAL", message: "서버 오류가 발생했습니다. 잠시 뒤 다시 시도하세요." } });
      else res.end();
    });
    return true;
  };
}
