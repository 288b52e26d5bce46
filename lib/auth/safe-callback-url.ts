// Where to send someone after signing in: only a path on this site. Parsing (rather than
// prefix checks) also catches tricks like "/\t/evil.example", which browsers read as
// "//evil.example" because they drop tabs and newlines from URLs.
const PLACEHOLDER_ORIGIN = "http://newsroom.invalid";

export function safeCallbackUrl(raw: string | undefined, fallback = "/newsroom"): string {
  if (!raw || /[\u0000-\u001f\\]/.test(raw)) return fallback;
  try {
    const url = new URL(raw, PLACEHOLDER_ORIGIN);
    if (url.origin !== PLACEHOLDER_ORIGIN || !raw.startsWith("/")) return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}
