// The short text shown for a story in link previews (OpenGraph, Twitter, JSON-LD), feeds and
// lists. This is the one place that decides it: when the story carries its own summary (the
// editor's `summary`, from the live revision), it is used; otherwise the first paragraph stands
// in, without its dateline ("[누리일보 홍길동 기자]").

const MAX_PREVIEW = 160;
const DATELINE = /^\s*\[[^\]\n]{1,40}\]\s*/;

export function previewDescription(story: { summary?: string | null; bodyText: string; subHeadlines?: string[] }): string {
  const own = story.summary?.trim();
  if (own) return clip(own, MAX_PREVIEW);
  const firstParagraph = story.bodyText.split("\n").map((line) => line.trim()).find(Boolean) ?? "";
  const text = firstParagraph.replace(DATELINE, "") || story.subHeadlines?.[0] || "";
  return clip(text, MAX_PREVIEW);
}

/** Cuts at a word boundary near `max` characters, with an ellipsis when anything was cut. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
