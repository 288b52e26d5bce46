import { slugFor } from "@/lib/articles/slug";

// A story's canonical address is /articles/<id>/<slug>, the slug made from the headline readers
// see (the live revision's), percent-encoded so that Hangul survives every client and header.
// /articles/<id> and any other slug answer with a permanent redirect to it; a corrected
// headline thus moves the canonical address and old links still land.

function articleSlug(headline: string): string {
  return slugFor(headline);
}

export function articlePath(id: number, headline: string): string {
  return `/articles/${id}/${encodeURIComponent(articleSlug(headline))}`;
}

/** Whether a requested slug segment (raw or already decoded) is the story's canonical slug. */
export function isCanonicalSlug(requested: string[] | undefined, headline: string): boolean {
  if (!requested || requested.length !== 1) return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(requested[0]!);
  } catch {
    return false;
  }
  return decoded.normalize("NFC") === articleSlug(headline);
}

/**
 * `path` with the query string the reader came with: a shared link's `?utm_source=...` must
 * survive the canonical redirect (the response cache adds it the same way to a redirect it keeps).
 */
export function withReaderQuery(path: string, searchParams: Record<string, string | string[] | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(searchParams)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(name, one);
  }
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}
