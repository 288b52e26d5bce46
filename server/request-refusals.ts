// How our HTTP server refuses requests before Next.js sees them: unknown methods, undecodable
// paths, cross-site server actions, oversized bodies (by Content-Length, and while streaming for
// chunked ones). Each refusal is a JSON error with a Korean message.
import type { IncomingMessage, ServerResponse } from "node:http";
import { admittedPath, ALLOWED_METHODS, BODY_LIMITS, bodyLimitKind, declaredLength, isServerActionFromThisSite, requestPath } from "@/server/request-guards";

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

/**
 * Next.js answers a method a route file does not export with a bare 405 (no body, no type), for
 * example PUT /api/v1/articles/./schedule, which the client normalises to the story route. Our
 * API promises a JSON error for every refusal, so an empty API refusal gets one on its way out.
 */
export function bodylessApiRefusalIsJson(res: ServerResponse): void {
  // Next.js may flush the headers before it ends the empty body, so the type is set as they go
  // out (Node sends implicit headers through writeHead too) and the body is written at the end.
  let owesBody = false;
  const claimIfBareRefusal = (status: number) => {
    if (status === 405 && !res.headersSent && !res.hasHeader("content-type")) {
      res.setHeader("content-type", "application/json; charset=utf-8");
      owesBody = true;
    }
  };
  const writeHead = res.writeHead.bind(res) as (status: number, ...rest: unknown[]) => ServerResponse;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    if (rest.length === 0) claimIfBareRefusal(status);
    return writeHead(status, ...rest);
  }) as ServerResponse["writeHead"];
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.end = ((...args: unknown[]) => {
    const hasBody = args[0] !== undefined && args[0] !== null && typeof args[0] !== "function";
    if (hasBody) return end(...args);
    claimIfBareRefusal(res.statusCode);
    if (!owesBody) return end(...args);
    owesBody = false;
    return end(JSON.stringify({ error: { code: "METHOD_NOT_ALLOWED", message: METHOD_NOT_ALLOWED_MESSAGE } }), args.find((arg) => typeof arg === "function"));
  }) as ServerResponse["end"];
}

const METHOD_NOT_ALLOWED_MESSAGE = "지원하지 않는 요청 방식입니다.";

/** Longest address we redirect to; a longer one is refused (see redirectToCanonicalPath). */
const MAX_REDIRECT_LOCATION = 8 * 1024;

/**
 * "/a/" and "/a//b" are redirected to "/a" and "/a/b" as Next.js would, but with the address
 * once: Next.js repeats it in a Refresh header, so a 9 KB query made 18 KB of response headers,
 * more than HTTP clients accept (Node's fetch among them; tests/e2e/hardening.test.ts sends such a query).
 */
function redirectToCanonicalPath(req: IncomingMessage, res: ServerResponse, canonical: string): void {
  const url = req.url ?? "/";
  const query = url.indexOf("?");
  const location = canonical + (query === -1 ? "" : url.slice(query));
  if (location.length > MAX_REDIRECT_LOCATION) {
    refuse(req, res, 414, "URI_TOO_LONG", "주소가 너무 깁니다.");
    return;
  }
  res.writeHead(308, { location, "cache-control": "no-store", "content-type": "text/plain; charset=utf-8" });
  res.end(location);
}

/**
 * Applies every check; returns false when the request has been answered (refused), true when it
 * may go on. Also arms the streaming body limit and the server-action status fix.
 */
export function admitRequest(req: IncomingMessage, res: ServerResponse, trustProxy: boolean): boolean {
  const method = req.method ?? "GET";
  if (!ALLOWED_METHODS.has(method)) {
    refuse(req, res, 405, "METHOD_NOT_ALLOWED", METHOD_NOT_ALLOWED_MESSAGE, { allow: [...ALLOWED_METHODS].join(", ") });
    return false;
  }
  const path = requestPath(req.url);
  // The same rule tells server/hit-lane.ts which requests it may answer before this runs.
  const canonical = admittedPath(path);
  if (canonical === null) {
    refuse(req, res, 400, "VALIDATION", "주소가 올바르지 않습니다.");
    return false;
  }
  if (canonical !== path) {
    redirectToCanonicalPath(req, res, canonical);
    return false;
  }
  const isServerAction = method === "POST" && req.headers["next-action"] !== undefined;
  if (isServerAction && !isServerActionFromThisSite(req.headers, trustProxy)) {
    refuse(req, res, 403, "FORBIDDEN", "다른 사이트에서 보낸 요청은 받을 수 없습니다.");
    return false;
  }
  const limit = BODY_LIMITS[bodyLimitKind(method, path, req.headers)];
  const length = declaredLength(req.headers);
  if (length === "invalid") {
    refuse(req, res, 400, "VALIDATION", "요청 길이(Content-Length)가 올바르지 않습니다.");
    return false;
  }
  if (length !== null && length > limit) {
    refuseTooLarge(req, res);
    return false;
  }
  if (length === null) limitStreamingBody(req, res, limit);
  if (isServerAction) malformedActionIsBadRequest(res);
  return true;
}
