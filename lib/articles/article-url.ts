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
