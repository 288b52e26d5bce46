// Which requests the response cache may answer, under which key, and in which encoding.
import type { IncomingMessage } from "node:http";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/session-cookie-names";
import { readQueryOnly } from "@/lib/cache/route-query-params";

// The newsroom, sign-in, the API (except public comment lists and reaction counts), Next.js's own
// assets and media (served with their own long-lived headers) are never cached here; nor pages
// whose address is a secret key: the rights desk's claimant status page (and its claim form) and
// readers' subscription pages (their addresses carry a mail's token).
const NEVER_CACHED = [/^\/newsroom(\/|$)/, /^\/login(\/|$)/, /^\/subscriptions\//, /^\/api\//, /^\/_next\//, /^\/media\//, /^\/claims(\/|$)/];
const PUBLIC_API = [/^\/api\/v1\/articles\/\d{1,9}\/comments$/, /^\/api\/v1\/articles\/\d{1,9}\/reactions$/];

/** A request the cache may answer: its key, and the address rendered for it on a miss. */
export interface CacheableRequest {
  key: string;
  /** The path with only the query parameters its route reads (lib/cache/route-query-params.ts). */
  url: string;
  /** The session cookie it carries, if any: only one that verifies sends it to Next.js. */
  sessionToken: string | null;
}

/**
 * Whether the cache may answer `req`, under which key, or null. Only anonymous GET/HEAD requests
 * for whole pages qualify: a client-side navigation (React Server Components payloads vary with
 * the client's state), a server action or any authorization goes to Next.js, and so does a staff
 * session once the caller has verified its cookie (a made-up cookie must not buy a render).
 * Parameters the route does not read (utm_source, fbclid ...) are left out of the key and of the
 * render, so a shared link is the same entry as the plain address.
 */
export function cacheableRequest(req: IncomingMessage): CacheableRequest | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const headers = req.headers;
  if (headers.authorization || headers.rsc || headers["next-router-prefetch"] || headers["next-router-state-tree"] || headers["next-action"]) return null;
  const raw = req.url ?? "/";
  const url = isParsedForm(raw) ? null : new URL(raw, "http://cache.invalid");
  const path = url ? url.pathname : raw;
  if (NEVER_CACHED.some((rule) => rule.test(path)) && !PUBLIC_API.some((rule) => rule.test(path))) return null;
  // Most readers' addresses have no query: nothing to sort out.
  const query = url?.search ? readQueryOnly(path, url.searchParams).toString() : "";
  const address = `${path}${query ? `?${query}` : ""}`;
  // The host is part of the key: a page rendered for a forged Host header is only ever served to
  // requests that send the same one.
  const host = String(headers.host ?? "").toLowerCase();
  return { key: `${host}${address}`, url: address, sessionToken: sessionTokenIn(headers.cookie) };
}

// A path of characters URL parsing leaves as they are, with no query, fragment or backslash.
const PLAIN_PATH = /^\/[\w\-~!$&'()*+,;=:@/%.]*$/;

/**
 * Whether `raw` is already what URL parsing would make of it (its own pathname, no query): most
 * readers' addresses. They skip the parse, an object and a dozen strings per request. Dot
 * segments ("/./", "/../", "%2e") are resolved by parsing, so any "/." or "%2e" goes the long way,
 * as does a leading "//" (parsing reads a host there).
 */
export function isParsedForm(raw: string): boolean {
  return PLAIN_PATH.test(raw) && !raw.startsWith("//") && !raw.includes("/.") && !/%2e/i.test(raw);
}

/** The value of a next-auth session cookie in a Cookie header, if there is a non-empty one. */
function sessionTokenIn(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  for (const pair of cookieHeader.split(";")) {
    const at = pair.indexOf("=");
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    if (at > 0 && value && (SESSION_COOKIE_NAMES as readonly string[]).includes(name)) return value;
  }
  return null;
}

export type Encoding = "br" | "gzip" | "identity";

// Browsers and CDNs send a handful of distinct Accept-Encoding values: each is read once.
const chosenEncodings = new Map<string, Encoding>();

/** The best encoding the client accepts (q=0 means "not this one"). */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return "identity";
  let chosen = chosenEncodings.get(acceptEncoding);
  if (chosen === undefined) {
    // Bounded: a client may send any value.
    if (chosenEncodings.size >= 100) chosenEncodings.clear();
    chosenEncodings.set(acceptEncoding, (chosen = readAcceptEncoding(acceptEncoding)));
  }
  return chosen;
}

function readAcceptEncoding(acceptEncoding: string): Encoding {
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(",")) {
    const [name = "", ...params] = part.trim().split(";");
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const wants = (name: string) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  if (wants("br")) return "br";
  if (wants("gzip")) return "gzip";
  return "identity";
}
