// Where to send someone after signing in: only a path on this site. The value returned is the
// value checked: URL parsing normalises dot segments ("/.//evil.example" becomes
// "//evil.example", which a browser reads as another host), so the normalised result is checked
// again rather than the raw input.
const PLACEHOLDER_ORIGIN = "http://newsroom.invalid";

/** A path that a browser can only read as a path on this site: one leading slash, no tricks. */
function isPlainSitePath(candidate: string): boolean {
  // Browsers drop tabs and newlines from URLs and read "\" as "/": refuse them outright.
  if (/[\u0000-\u001f\u007f\\]/.test(candidate)) return false;
  // "//host" and "/\host" are network paths to another host.
  if (!candidate.startsWith("/") || candidate.startsWith("//")) return false;
  try {
    const reparsed = new URL(candidate, PLACEHOLDER_ORIGIN);
    return reparsed.origin === PLACEHOLDER_ORIGIN && reparsed.pathname + reparsed.search + reparsed.hash === candidate;
  } catch {
    return false;
  }
}

export function safeCallbackUrl(raw: string | undefined, fallback = "/newsroom"): string {
  // Callers pass query-string values, which are arrays when a name is repeated.
  if (typeof raw !== "string" || !raw.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(raw)) return fallback;
  try {
    const url = new URL(raw, PLACEHOLDER_ORIGIN);
    if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
    const candidate = url.pathname + url.search + url.hash;
    return isPlainSitePath(candidate) ? candidate : fallback;
  } catch {
    return fallback;
  }
}
