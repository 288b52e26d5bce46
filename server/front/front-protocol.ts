// What the front process (server/front/front-server.ts) and the Next.js process behind it
// (server/http-server.ts with FRONT_PROCESS=on) say to each other over the Unix socket, beyond
// plain HTTP. The process behind listens on nothing else, so whatever arrives there comes from the
// front, which drops these headers from what readers send and from what it hands back to them.
import os from "node:os";
import path from "node:path";

/** On a request: render this for the response cache and say which tags the page's data carried. */
export const RENDER_FOR_CACHE_HEADER = "x-newsroom-render-for-cache";
/** On the answer to such a request: the tags, URI-encoded JSON (a tag may hold any character). */
export const RENDER_TAGS_HEADER = "x-newsroom-render-tags";
/** Headers only the front may send to the process behind it, or read from it. */
export const INTERNAL_HEADERS = [RENDER_FOR_CACHE_HEADER, RENDER_TAGS_HEADER] as const;

/** Where the Next.js process of the process with id `pid` listens for its front. */
export function frontSocketPath(pid: number): string {
  return path.join(os.tmpdir(), `newsroom-next-${pid}.sock`);
}

export function encodeRenderTags(tags: Iterable<string>): string {
  return encodeURIComponent(JSON.stringify([...tags]));
}

export function decodeRenderTags(header: string | string[] | undefined): Set<string> {
  if (typeof header !== "string") return new Set();
  try {
    const parsed: unknown = JSON.parse(decodeURIComponent(header));
    return new Set(Array.isArray(parsed) ? parsed.filter((tag): tag is string => typeof tag === "string") : []);
  } catch {
    return new Set();
  }
}
