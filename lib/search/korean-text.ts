// Text as the search index and the search box both see it, so that the two always agree:
// NFKC (full-width letters and digits become plain ones), lower case, every run of anything that
// is not a letter or a digit becomes one space. Korean is not split into words by spaces
// reliably (particles attach to nouns: 고양시가, 고양시는), so the index keeps every character
// and every pair of neighbouring characters of each word, in the spirit of pg_bigm: a query
// word's pairs must all be there, then the text itself is checked for the word. The headline's
// tokens are in the same index a second time, prefixed with "h:" (no normalized word holds a
// colon), so that "every term in the headline" is an index lookup too.

/** Marks the headline's tokens in the index. */
const HEADLINE_TOKEN_PREFIX = "h:";

export function normalizeForSearch(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The index tokens of one normalized word: its characters and neighbouring pairs. */
function wordTokens(word: string, into: Set<string>): void {
  const chars = Array.from(word);
  for (let i = 0; i < chars.length; i++) {
    into.add(chars[i]!);
    if (i + 1 < chars.length) into.add(chars[i]! + chars[i + 1]!);
  }
}

/** Every token of a normalized text (unique, unordered): what the GIN index holds. */
export function documentTokens(normalized: string): string[] {
  const tokens = new Set<string>();
  for (const word of normalized.split(" ")) if (word) wordTokens(word, tokens);
  return [...tokens];
}

/**
 * The tokens a document must hold to contain `term` (one normalized word): its pairs, or the
 * character itself for a one-character term. Fewer tokens than documentTokens gives: the pairs
 * already imply the characters.
 */
export function queryTokens(term: string): string[] {
  const chars = Array.from(term);
  if (chars.length <= 1) return chars;
  const tokens = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) tokens.add(chars[i]! + chars[i + 1]!);
  return [...tokens];
}

/** The index tokens of a normalized headline: its documentTokens, marked as the headline's. */
export function headlineTokens(normalizedHeadline: string): string[] {
  return documentTokens(normalizedHeadline).map((token) => HEADLINE_TOKEN_PREFIX + token);
}

/** The tokens a document's headline must hold to contain `term`. */
export function headlineQueryTokens(term: string): string[] {
  return queryTokens(term).map((token) => HEADLINE_TOKEN_PREFIX + token);
}
