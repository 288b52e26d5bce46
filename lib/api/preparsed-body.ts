// Request bodies already read and parsed by the API fast lane (server/api-fast-lane.ts), by the
// Request it hands to a route handler. Building a Request with a body and reading it back with
// request.json() costs two web streams, about 0.1 ms of CPU a comment post (profile of the comment
// bench); the lane has the bytes in hand already. The map lives on globalThis: the lane and the
// route modules may hold different copies of this module. (No "server-only" marker: the lane
// imports it before the loader hook that makes "server-only" importable is in place.)
const KEY = Symbol.for("newsroom.preparsed-bodies");
const holder = globalThis as typeof globalThis & { [KEY]?: WeakMap<Request, { value: unknown }> };
const bodies = (holder[KEY] ??= new WeakMap());

/** `request`, remembered as carrying `body` (the parsed JSON, or what a failed parse gives). */
export function withParsedBody(request: Request, body: unknown): Request {
  bodies.set(request, { value: body });
  return request;
}

/** The body the lane parsed for `request`, if it did. */
export function parsedBodyOf(request: Request): { value: unknown } | undefined {
  return bodies.get(request);
}
