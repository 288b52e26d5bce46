// Korean is broken into lines between words (어절: a word with its particles, space-delimited),
// never inside one: `word-break: keep-all` (app/globals.css) does that for plain Hangul. Yet
// Chromium still breaks a word at punctuation inside it: "장비· / 화장품이", "“정정” / 을",
// "3.5% / 로", "(주) / 누리미디어" (measured in Chromium with keep-all and every line-break
// setting). Such words are marked here so that CSS keeps each on one line (`.keep-word`,
// white-space: nowrap, which adds no break opportunity around it). Browser-safe: used by server
// components, the comment island and on stored story HTML.

const HANGUL = /\p{Script=Hangul}/u;
/** Punctuation or symbols between two letters or digits: where a browser may break a word. */
const INNER_PUNCTUATION = /(?<=[\p{L}\p{N}\p{M}])[^\p{L}\p{N}\p{M}\s]+(?=[\p{L}\p{N}])/gu;
/** "1,000" and "3.5": no browser breaks a number there. */
const NUMBER_SEPARATOR = /^[,.]$/;
const ENTITY = /&(?:#\d+|#x[\da-f]+|[a-z]+\d*);/gi;

/**
 * Longer words are left breakable: a line of a 360 px phone holds about 12 syllables of the
 * largest headline, and a kept word wider than its line would stick out of the page.
 */
export const KEEP_WORD_MAX_CHARACTERS = 12;

export interface TextRun {
  text: string;
  /** Whether the run is one word to keep on one line. */
  keep: boolean;
}

function breaksInside(word: string): boolean {
  for (const match of word.matchAll(INNER_PUNCTUATION)) {
    const before = word[match.index - 1] ?? "";
    const after = word[match.index + match[0].length] ?? "";
    if (NUMBER_SEPARATOR.test(match[0]) && /\d/.test(before) && /\d/.test(after)) continue;
    return true;
  }
  return false;
}

/** Whether `word` (no white space; HTML entities allowed) is a Korean word a browser would split. */
export function isWordToKeep(word: string): boolean {
  // An entity (&quot;, &#39;) stands for one punctuation character.
  const plain = word.replace(ENTITY, "'");
  return HANGUL.test(plain) && [...plain].length <= KEEP_WORD_MAX_CHARACTERS && breaksInside(plain);
}

/** `text` cut into runs: the words to keep whole, and the text between them (spaces included). */
export function keepWordRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let pending = "";
  for (const piece of text.split(/(\s+)/)) {
    if (piece && !/^\s/.test(piece) && isWordToKeep(piece)) {
      if (pending) runs.push({ text: pending, keep: false });
      runs.push({ text: piece, keep: true });
      pending = "";
    } else {
      pending += piece;
    }
  }
  if (pending) runs.push({ text: pending, keep: false });
  return runs;
}

export const KEEP_WORD_CLASS = "keep-word";

/**
 * The same for stored HTML (a story body): words in text between tags are wrapped in
 * `<span class="keep-word">`; tags, attributes and entities are left as they are.
 */
export function keepWordsInHtml(html: string): string {
  return html
    .split(/(<[^>]*>)/)
    .map((part) =>
      part.startsWith("<")
        ? part
        : keepWordRuns(part)
            .map((run) => (run.keep ? `<span class="${KEEP_WORD_CLASS}">${run.text}</span>` : run.text))
            .join(""),
    )
    .join("");
}
