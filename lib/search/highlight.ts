// Search matches marked in a headline or an excerpt. Returns plain segments, which the page
// renders as text and <mark> elements: React escapes them, so no reader input or story text
// ever becomes markup.

export interface TextSegment {
  text: string;
  match: boolean;
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function matcher(terms: string[]): RegExp | null {
  const usable = terms.filter(Boolean).sort((a, b) => b.length - a.length);
  return usable.length ? new RegExp(usable.map(escapeRegExp).join("|"), "giu") : null;
}

export function highlightSegments(text: string, terms: string[]): TextSegment[] {
  const pattern = matcher(terms);
  if (!pattern) return [{ text, match: false }];
  const segments: TextSegment[] = [];
  let last = 0;
  for (const found of text.matchAll(pattern)) {
    const start = found.index;
    if (start > last) segments.push({ text: text.slice(last, start), match: false });
    segments.push({ text: found[0], match: true });
    last = start + found[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), match: false });
  return segments;
}

/** About `length` characters of `text` around its first match (the start when none matches). */
export function excerptAround(text: string, terms: string[], length = 120): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const pattern = matcher(terms);
  const at = pattern ? flat.search(pattern) : -1;
  if (at < 0 || flat.length <= length) return flat.length <= length ? flat : `${flat.slice(0, length)}…`;
  const start = Math.max(0, Math.min(at - Math.floor(length / 3), flat.length - length));
  return `${start > 0 ? "…" : ""}${flat.slice(start, start + length)}${start + length < flat.length ? "…" : ""}`;
}
