// Which requests the response cache may answer, under which key, and in which encoding.
import type { IncomingMessage } from "node:http";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/session-cookie-names";

// The newsroom, sign-in, the API (except public comment lists), Next.js's own assets and media
// (served with their own long-lived headers) are never cached here.
const NEVER_CACHED = [/^\/newsroom(\/|$)/, /^\/login(\/|$)/, /^\/api\//, /^\/_next\//, /^\/media\//];
const PUBLIC_API = [/^\/api\/v1\/articles\/\d{1,9}\/comments$/];

/**
 * The cache key for a request the cache may answer, or null. Only anonymous GET/HEAD requests
 * for whole pages qualify: a staff session (whose pages may differ), a client-side navigation
 * (React Server Components payloads vary with the client's state), a server action or any
 * authorization goes to Next.js.
 */
export function cacheKeyFor(req: IncomingMessage): string | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const headers = req.headers;
  if (headers.authorization || headers.rsc || headers["next-router-prefetch"] || headers["next-router-state-tree"] || headers["next-action"]) return null;
  const cookie = headers.cookie ?? "";
  if (SESSION_COOKIE_NAMES.some((name) => cookie.includes(`${name}=`))) return null;
  const url = new URL(req.url ?? "/", "http://cache.invalid");
  const path = url.pathname;
  if (NEVER_CACHED.some((rule) => rule.test(path)) && !PUBLIC_API.some((rule) => rule.test(path))) return null;
  url.searchParams.sort();
  const query = url.searchParams.toString();
  // The host is part of the key: a page rendered for a forged Host header is only ever served to
  // requests that send the same one.
  const host = String(headers.host ?? "").toLowerCase();
  return `${host}${path}${query ? `?${query}` : ""}`;
}

export type Encoding = "br" | "gzip" | "identity";

/** The best encoding the client accepts (q=0 means "not this one"). */
export function chooseEncoding(acceptEncoding: string | undefined, available: { brotli: boolean }): Encoding {
  if (!acceptEncoding) return "identity";
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(",")) {
    const [name = "", ...params] = part.trim().split(";");
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const wants = (name: string) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  if (available.brotli && wants("br")) return "br";
  if (wants("gzip")) return "gzip";
  return "identity";
}
