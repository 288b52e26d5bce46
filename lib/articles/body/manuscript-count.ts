// Counting a story the way Korean desks do: characters with spaces (공백 포함), without spaces
// (공백 제외), and 200-character manuscript pages (200자 원고지 매수). Shared by the editor's live
// counter and tests; runs in the browser.
//
// - A character is what a reader sees as one (a grapheme): "한" typed as three jamo, an emoji
//   with a skin tone, or a flag count once.
// - Line breaks between paragraphs are not characters; every other white space is a space.
// - 원고지 매수 = characters with spaces / 200, rounded UP to one decimal (201자 = 1.1매): a desk
//   asking for "5매" means at most 1,000 characters, so the count never shows less than is there.
//   (A hand-filled manuscript sheet also wastes the rest of each paragraph's last line; desks
//   counting on screens use the plain division, as Hancom's 문서 정보 does.)

export interface ManuscriptCount {
  withSpaces: number;
  withoutSpaces: number;
  /** 200자 원고지 매수, one decimal, rounded up. */
  manuscriptPages: number;
}

const segmenter = typeof Intl !== "undefined" && "Segmenter" in Intl ? new Intl.Segmenter("ko", { granularity: "grapheme" }) : null;

// V8 copies the whole input string into every segment it hands out, so one long string through
// the segmenter costs time and memory by the square of its length: only short pieces go in.
const PLAIN_RUN = /[\u0020-\u007e\uac00-\ud7a3]+|[^\u0020-\u007e\uac00-\ud7a3]+/g;
const JOINS_PREVIOUS = /[\u0300-\u036f\u1160-\u11ff\u200c\u200d\u20d0-\u20ff\ufe00-\ufe0f\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}]/u;
const PIECE = 64;

function countSegments(run: string, segmenter: Intl.Segmenter): number {
  let count = 0;
  let start = 0;
  const points = Array.from(run);
  while (start < points.length) {
    let end = Math.min(start + PIECE, points.length);
    // Never cut before a character that joins the one before it (a combining mark, ZWJ, skin tone).
    while (end < points.length && (JOINS_PREVIOUS.test(points[end]!) || points[end - 1] === "\u200d")) end += 1;
    for (const _ of segmenter.segment(points.slice(start, end).join(""))) count += 1;
    start = end;
  }
  return count;
}

function countGraphemes(text: string): number {
  if (!segmenter) return Array.from(text).length;
  let count = 0;
  // Plain Hangul syllables and ASCII are one grapheme per code unit: no segmenter needed for them.
  for (const run of text.match(PLAIN_RUN) ?? []) {
    if (/^[\u0020-\u007e\uac00-\ud7a3]/.test(run)) count += run.length;
    else count += countSegments(run, segmenter);
  }
  return count;
}

export function countManuscript(text: string): ManuscriptCount {
  const normalized = text.normalize("NFC");
  const withoutBreaks = normalized.replace(/\r?\n/g, "");
  const withSpaces = countGraphemes(withoutBreaks);
  const withoutSpaces = countGraphemes(withoutBreaks.replace(/\s/g, ""));
  return { withSpaces, withoutSpaces, manuscriptPages: Math.ceil(withSpaces / 20) / 10 };
}

/** "1,234자" style numbers for the counter. */
export function formatCount(value: number): string {
  return value.toLocaleString("ko-KR");
}
