// Which link addresses a story may hold: absolute http(s) URLs with a host, and mailto:.
// One rule for the body schema (server), the editor's Link mark (parsing pasted HTML and
// rendering) and the link dialog, so the editor never accepts an address the server refuses.
// Runs in the browser too: only standard URL parsing, no Node APIs.

export const LINK_HREF_MAX = 2048;

// Whitespace and control characters anywhere in an address are refused outright: browsers drop
// tabs and newlines inside URLs ("java\tscript:" is javascript:), so an allow-list that looked at
// the first characters only could be fooled.
const UNSAFE_CHARACTERS = /[\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/;

/** Whether `href` may be stored as a link: exactly `http:`/`https:` with a host, or `mailto:`. */
export function isSafeLinkHref(href: string): boolean {
  if (href.length === 0 || href.length > LINK_HREF_MAX || UNSAFE_CHARACTERS.test(href)) return false;
  // The scheme must be spelled out at the start: no protocol-relative or relative addresses,
  // no entities (the JSON holds the address as typed, never HTML-decoded).
  const scheme = /^(https?|mailto):/i.exec(href)?.[1]?.toLowerCase();
  if (!scheme) return false;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  if (scheme === "mailto") return url.protocol === "mailto:" && url.pathname.length > 0;
  return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0 && /^https?:\/\/[^/]/i.test(href);
}

/**
 * What a reporter typed into the link dialog, made into an address, or null when it cannot be
 * one. "www.example.com" and "example.com/a" get https://; an e-mail address gets mailto:.
 */
export function normalizeLinkInput(input: string): string | null {
  const typed = input.trim();
  if (typed.length === 0) return null;
  if (isSafeLinkHref(typed)) return typed;
  if (/^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/.test(typed)) return isSafeLinkHref(`mailto:${typed}`) ? `mailto:${typed}` : null;
  // Only a bare host name (with an optional path) gets a scheme added; anything that already
  // names a scheme (javascript:, data:, ftp:) stays refused.
  if (/^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)+(?::\d+)?([/?#]\S*)?$/i.test(typed)) {
    const withScheme = `https://${typed}`;
    return isSafeLinkHref(withScheme) ? withScheme : null;
  }
  return null;
}
