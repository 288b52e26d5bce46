// A story's canonical address is /articles/<id>/<slug>, percent-encoded so that Hangul survives
// every client and header. The slug is the one the story was first approved with (Article.slug:
// made from the headline while the story has never been live, then kept, lib/articles/editor/working-copy.ts),
// so a corrected headline, and each 보 of a breaking story, stays on the address readers shared and
// portals, feeds and sitemaps hold: an update is the same story, never a new one.
// /articles/<id> and any other slug answer with a permanent redirect to it.

/** What the address is made of: the story's id and its stored slug (never a headline). */
export interface StoryAddress {
  id: number;
  slug: string;
}

export function articlePath(story: StoryAddress): string {
  return `/articles/${story.id}/${encodeURIComponent(story.slug.normalize("NFC"))}`;
}

/** Whether a requested slug segment (raw or already decoded) is the story's canonical slug. */
export function isCanonicalSlug(requested: string[] | undefined, storedSlug: string): boolean {
  if (!requested || requested.length !== 1) return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(requested[0]!);
  } catch {
    return false;
  }
  return decoded.normalize("NFC") === storedSlug.normalize("NFC");
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
