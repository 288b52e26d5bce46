// Checks our own HTTP server makes before Next.js sees a request: which methods exist, which
// addresses go on as they are, how big a body may be for this kind of request, and whether a
// server-action POST comes from this site.
// Pure functions of the request line and headers, so they are tested without a server.
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";

const KiB = 1024;
const MiB = 1024 * KiB;

/** Body limits by kind of request. Only photo uploads may be large. */
export const BODY_LIMITS = {
  /** Sign-in, sign-out, CSRF token: a few short form fields. */
  auth: 16 * KiB,
  /** `POST /api/v1/media`: one photo (20 MB) plus multipart framing and the text fields. */
  mediaUpload: 21 * MiB,
  /** `POST /api/v1/claims`: a reader's claim with its attachments (10 MB together) and text. */
  claimFiling: 11 * MiB,
  /** Server actions: newsroom forms, including a staff portrait (10 MB). */
  serverAction: 10 * MiB + 512 * KiB,
  /** Everything else: JSON (a story is at most 512 KB of body JSON plus its fields). */
  default: 2 * MiB,
} as const;

export type BodyLimitKind = keyof typeof BODY_LIMITS;

export const ALLOWED_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

export function bodyLimitKind(method: string, path: string, headers: IncomingHttpHeaders): BodyLimitKind {
  if (path.startsWith("/api/auth/")) return "auth";
  if (method === "POST" && (path === "/api/v1/media" || path === "/api/v1/media/")) return "mediaUpload";
  if (method === "POST" && (path === "/api/v1/claims" || path === "/api/v1/claims/")) return "claimFiling";
  if (headers["next-action"] !== undefined) return "serverAction";
  return "default";
}

/** The request's path without its query string (the raw URL may be absolute-form or garbage). */
export function requestPath(rawUrl: string | undefined): string {
  const url = rawUrl ?? "/";
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}

/**
 * The path Next.js would redirect to: repeated slashes collapsed, no trailing slash. Same as
 * the path when it is already canonical (the usual case: one regex test).
 */
export function canonicalPath(path: string): string {
  // Only origin-form paths: an absolute-form request ("http://host/a/") is left to Next.js.
  if (!path.startsWith("/") || !/\/\/|.\/$/.test(path)) return path;
  const collapsed = path.replace(/\/{2,}/g, "/");
  return collapsed.length > 1 && collapsed.endsWith("/") ? collapsed.slice(0, -1) : collapsed;
}

/**
 * Whether a server-action POST may reach Next.js. Next.js compares Origin with Host itself, but
 * answers an Origin it cannot parse with a 500; refuse those (and mismatches) here with a 403.
 */
export function isServerActionFromThisSite(headers: IncomingHttpHeaders, trustProxy: boolean): boolean {
  const origin = headers.origin;
  const forwarded = trustProxy ? headers["x-forwarded-host"] : undefined;
  const host = (Array.isArray(forwarded) ? forwarded[0] : forwarded) ?? headers.host;
  if (origin === undefined) return true; // Next.js then applies its own checks (same-origin fetches always send Origin).
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

// Paths already found decodable: a story's address is hundreds of percent-escaped bytes of
// Hangul, decoded on every request (6 µs each, 3% of a cache hit's CPU). Bounded: emptied when full.
const decodablePaths = new Set<string>();
const DECODABLE_PATHS_KEPT = 5_000;

/** Whether the path's percent-escapes decode to text (Next.js answers "/%F0%9F" with a 500). */
function isDecodablePath(path: string): boolean {
  if (!path.includes("%") || decodablePaths.has(path)) return true;
  try {
    decodeURIComponent(path);
  } catch {
    return false;
  }
  if (decodablePaths.size >= DECODABLE_PATHS_KEPT) decodablePaths.clear();
  decodablePaths.add(path);
  return true;
}

/**
 * What admitRequest makes of a request for `path`: null when it refuses it (undecodable), else
 * its canonical path, which is `path` itself (the same string, nothing made) when it may go on as
 * it is, and otherwise the address it is redirected to.
 */
export function admittedPath(path: string): string | null {
  return isDecodablePath(path) ? canonicalPath(path) : null;
}

/**
 * A GET with no body for an address admitRequest lets go on as it is: nothing in it for
 * admitRequest to refuse, redirect or limit, so server/hit-lane.ts may answer it before
 * admitRequest runs. No URL parsing, nothing allocated for a plain address.
 */
export function isPlainGet(req: IncomingMessage): boolean {
  if (req.method !== "GET") return false;
  const headers = req.headers;
  if (headers["transfer-encoding"] !== undefined || (headers["content-length"] !== undefined && headers["content-length"] !== "0")) return false;
  const path = requestPath(req.url);
  return admittedPath(path) === path;
}

/** Content-Length as a number, or null when absent (chunked) or not a plain decimal. */
export function declaredLength(headers: IncomingHttpHeaders): number | null | "invalid" {
  const raw = headers["content-length"];
  if (raw === undefined) return null;
  return /^\d{1,15}$/.test(raw) ? Number(raw) : "invalid";
}
