// Readers' comment text: what is kept, how it is counted, and how links are found. Shared by the
// comment form (live counter, input limit) and the server (the rule that is enforced), so the two
// count the same way. No Node-only APIs here.

/** 띄어쓰기를 포함하여 250자: counted as a reader sees characters (grapheme clusters). */
export const COMMENT_MAX_LENGTH = 250;

const segmenter = new Intl.Segmenter("ko", { granularity: "grapheme" });

/** Characters as a reader sees them: a Hangul syllable, an emoji with its modifiers, a letter with its combining marks each count once. */
export function countGraphemes(text: string): number {
  let count = 0;
  for (const _ of segmenter.segment(text)) count += 1;
  return count;
}

/** Whether `text` is at most `max` graphemes. A string of at most `max` UTF-16 units always is, so most comments skip segmentation. */
export function fitsGraphemes(text: string, max: number): boolean {
  return text.length <= max || countGraphemes(text) <= max;
}

/**
 * Combining marks (accents, vowel signs, variation selectors) one character may carry: every
 * script's real letters need at most three or four (Thai 2, Devanagari conjuncts 3, a keycap
 * emoji 2, Tibetan stacks 4); a letter carrying 3,000 draws a tower over the page.
 */
const MAX_MARKS_PER_GRAPHEME = 4;
/** Code points one character may be made of: the longest emoji sequences have 10 (👩🏻‍❤️‍💋‍👨🏼); a chain of 500 joined emoji is not one character. */
const MAX_CODE_POINTS_PER_GRAPHEME = 10;
/** Code points a comment may hold: 250 characters of at most 10 each. */
const COMMENT_MAX_CODE_POINTS = COMMENT_MAX_LENGTH * MAX_CODE_POINTS_PER_GRAPHEME;

export type StuffingProblem = "marks" | "cluster" | "code-points";

export const STUFFING_MESSAGES: Record<StuffingProblem, string> = {
  marks: `한 글자에 붙일 수 있는 결합 부호(악센트 등)는 ${MAX_MARKS_PER_GRAPHEME}개까지입니다. 글자에 겹쳐 붙인 부호를 지워 주세요.`,
  cluster: `한 글자에 이어 붙인 부호나 이모지 조각이 너무 많습니다. 한 글자는 ${MAX_CODE_POINTS_PER_GRAPHEME}개 조각까지입니다.`,
  "code-points": `글자를 이루는 부호와 이모지 조각까지 합쳐 ${COMMENT_MAX_CODE_POINTS.toLocaleString("ko-KR")}개까지 쓸 수 있습니다. 부호나 이모지를 줄여 주세요.`,
};

// What can make one character long: marks, joiners between emoji, tag characters of flags.
const CLUSTER_PARTS = /[\p{M}\u200D\u{E0020}-\u{E007F}]/u;
const MARK = /\p{M}/gu;

function codePointCount(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/**
 * Why `text` is stuffed beyond what any language needs, or null: a character with more than 4
 * combining marks or made of more than 10 code points, or more code points in all than
 * `maxCodePoints`.
 */
export function stuffingProblem(text: string, maxCodePoints = COMMENT_MAX_CODE_POINTS): StuffingProblem | null {
  if (CLUSTER_PARTS.test(text)) {
    for (const { segment } of segmenter.segment(text)) {
      if (segment.length <= MAX_MARKS_PER_GRAPHEME) continue;
      if ((segment.match(MARK)?.length ?? 0) > MAX_MARKS_PER_GRAPHEME) return "marks";
      if (codePointCount(segment) > MAX_CODE_POINTS_PER_GRAPHEME) return "cluster";
    }
  }
  return text.length > maxCodePoints && codePointCount(text) > maxCodePoints ? "code-points" : null;
}

/** The first `max` graphemes of `text` (never half an emoji or half a combining sequence). */
export function takeGraphemes(text: string, max: number): string {
  if (text.length <= max) return text;
  let count = 0;
  for (const { index } of segmenter.segment(text)) {
    if (count === max) return text.slice(0, index);
    count += 1;
  }
  return text;
}

// Invisible characters that have no business in a comment: they hide words from the filter,
// reorder what other readers see (bidi overrides), or make a blank-looking nickname.
// - \p{Cc} controls (kept: line feed) and \p{Cf} format characters: zero-width space/joiner/
//   non-joiner, word joiner, BOM, soft hyphen, bidi embeddings, overrides, isolates and marks,
//   invisible operators, tag characters ...
// - Hangul fillers (U+115F, U+1160, U+3164, U+FFA0) and the combining grapheme joiner, which are
//   letters or marks by category but render as nothing.
// Two format characters are part of emoji and stay where they belong: the zero-width joiner
// between two pictographs (👩‍💻) and tag characters after a black flag (🏴 subdivision flags).
const INVISIBLE = /[\p{Cc}\p{Cf}\u115F\u1160\u3164\uFFA0\u034F]/gu;
const EMOJI_ZWJ_AT = /(?<=\p{Extended_Pictographic}[\u{1F3FB}-\u{1F3FF}\uFE0F]?)\u200D(?=\p{Extended_Pictographic})/uy;
const FLAG_TAG_AT = /(?<=\u{1F3F4}[\u{E0020}-\u{E007F}]*)[\u{E0020}-\u{E007F}]/uy;
const LINE_BREAKS = /\r\n|[\r\u0085\u2028\u2029]/g;
const OTHER_SPACES = /[\t\p{Zs}]/gu;

function isPartOfEmoji(char: string, offset: number, whole: string): boolean {
  const probe = char === "\u200D" ? EMOJI_ZWJ_AT : FLAG_TAG_AT;
  probe.lastIndex = offset;
  return probe.test(whole);
}

/**
 * What the form counts while a reader types: NFC, line breaks unified, other spaces made plain,
 * invisible characters removed. Not trimmed, so the caret does not jump while typing.
 */
export function cleanCommentText(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(LINE_BREAKS, "\n")
    .replace(OTHER_SPACES, " ")
    .replace(INVISIBLE, (char: string, offset: number, whole: string) => (char === "\n" || isPartOfEmoji(char, offset, whole) ? char : ""));
}

/**
 * The comment as stored: cleaned as above, trimmed, each line's trailing spaces dropped and runs
 * of blank lines cut to one (a wall of empty lines pushes other comments away).
 */
export function normalizeCommentBody(raw: string): string {
  return cleanCommentText(raw)
    .replace(/ +\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

// Web addresses: shown as links only with an http(s) scheme; counted for the flood rule in any
// spelling a spammer uses (www.x, bit.ly/x, example.co.kr).
const LINK = /\bhttps?:\/\/[^\s<>"'\u3000-\u303F]+/gi;
const LINKISH = /\bhttps?:\/\/\S+|\bwww\.\S+|\b[a-z0-9-]{2,}(?:\.[a-z0-9-]{2,})*\.(?:com|net|org|kr|ly|io|me|co|info|biz|xyz|top|site|shop|link|gl|to|tv|app)\b(?:\/\S*)?/gi;

/** How many web addresses a comment contains, however they are written. */
export function countLinks(text: string): number {
  return text.match(LINKISH)?.length ?? 0;
}

export type CommentSegment = { kind: "text"; text: string } | { kind: "link"; href: string; text: string } | { kind: "break" };

/** A comment cut into text, line breaks and http(s) links, for rendering without HTML. */
export function segmentCommentBody(body: string): CommentSegment[] {
  const segments: CommentSegment[] = [];
  const pushText = (text: string) => {
    text.split("\n").forEach((line, index) => {
      if (index > 0) segments.push({ kind: "break" });
      if (line) segments.push({ kind: "text", text: line });
    });
  };
  let last = 0;
  for (const match of body.matchAll(LINK)) {
    // Sentence punctuation right after an address belongs to the sentence.
    const href = match[0].replace(/[.,!?)\]]+$/, "");
    pushText(body.slice(last, match.index));
    segments.push({ kind: "link", href, text: href });
    last = match.index + href.length;
  }
  pushText(body.slice(last));
  return segments;
}

/**
 * The form's input limit: `next` is the textarea's value after an edit of `previous`. When it
 * counts more than `max`, only as much of the newly inserted text is kept as fits (never half a
 * grapheme); what was there before stays. Works for typing, pasting, dropping and a finished IME
 * composition alike, wherever the caret was. Returns the value to keep and where the caret goes.
 */
export function limitInsertion(previous: string, next: string, max: number): { value: string; caret: number } {
  if (countGraphemes(cleanCommentText(next)) <= max) return { value: next, caret: -1 };
  let start = 0;
  while (start < previous.length && start < next.length && previous[start] === next[start]) start += 1;
  let end = 0;
  while (end < previous.length - start && end < next.length - start && previous[previous.length - 1 - end] === next[next.length - 1 - end]) end += 1;
  // Never split a surrogate pair at either edge of the insertion.
  if (start > 0 && /[\uD800-\uDBFF]/.test(next.charAt(start - 1))) start -= 1;
  if (end > 0 && /[\uDC00-\uDFFF]/.test(next.charAt(next.length - end))) end -= 1;
  const before = previous.slice(0, start);
  const after = previous.slice(previous.length - end);
  const room = max - countGraphemes(cleanCommentText(before + after));
  const inserted = room > 0 ? takeGraphemes(next.slice(start, next.length - end), room) : "";
  const value = before + inserted + after;
  // The previous value may itself have been too long (set from outside): cut it as a last resort.
  if (countGraphemes(cleanCommentText(value)) > max) {
    const cut = takeGraphemes(cleanCommentText(value), max);
    return { value: cut, caret: cut.length };
  }
  return { value, caret: before.length + inserted.length };
}
