// Request bodies already read and parsed by the API fast lane (server/api-fast-lane.ts), by the
// Request it hands to a route handler. Building a Request with a body and reading it back with
// request.json() costs two web streams, about 0.1 ms of CPU a comment post (profile of the comment
// bench); the lane has the bytes in hand already. The lane imports the route modules itself, into
// its own module graph, so both sides hold this one copy of the map. (No "server-only" marker:
// the lane imports it before the loader hook that makes "server-only" importable is in place.)
const bodies = new WeakMap<Request, { value: unknown }>();

/** `request`, remembered as carrying `body` (the parsed JSON, or what a failed parse gives). */
export function withParsedBody(request: Request, body: unknown): Request {
  bodies.set(request, { value: body });
  return request;
}

/** The body the lane parsed for `request`, if it did. */
export function parsedBodyOf(request: Request): { value: unknown } | undefined {
  return bodies.get(request);
}
