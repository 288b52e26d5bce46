// Compiles one blocked word into a regular expression over the letter stream
// (letter-stream.ts). What each part allows, and why:
// - each syllable may be written whole (시), as loose jamo (ㅅㅣ), or by its first consonant
//   alone (ㅅ): "ㅅ발", "시ㅂ", "ㅅㅂ" are all the word;
// - a plain first consonant also matches its tense twin (ㅅ: ㅅ/ㅆ, so 시발 catches 씨발, 씨빨),
//   a tense one only itself (새끼 does not catch 새기다);
// - look-alikes stand for letters: 1 l i ! | for ㅣ, 7 for ㄱ, 0 o for ㅇ, c for 시/씨;
// - vowels may be drawn out (시이이발, 씨ㅣㅣ발), consonants doubled (ㅅㅅㅂㅂ), and a word may be
//   spelt the way it sounds across syllables (십알 for 시발: ㅂ moves over a silent ㅇ);
// - between syllables up to four separators, digits or Latin letters (시.발, 시1발, 시x발, 시 발);
//   spaces are allowed here and judged afterwards (blocked-word-matcher.ts: a word boundary or an
//   evasion);
// - a final consonant never comes from the next syllable (조조 is not 좆), and within one
//   syllable only a dot or a space may come between its jamo.
// Latin words (sibal) match whole Latin words only, with digit look-alikes and separators.
import { disassemble } from "es-hangul";
import { buildLetterStream, isCompatVowel } from "@/lib/comments/blocked-words/letter-stream";

const TENSE_OF: Record<string, string> = { ㄱ: "ㄲ", ㄷ: "ㄸ", ㅂ: "ㅃ", ㅅ: "ㅆ", ㅈ: "ㅉ" };
const JAMO_LOOKALIKES: Record<string, string> = { ㄱ: "7", ㅇ: "0o", ㅣ: "1li!|" };
const LATIN_LOOKALIKES: Record<string, string> = { a: "4", e: "3", i: "1l!|", l: "1i!|", o: "0", s: "5", t: "7" };

// Two-letter initialisms that are abuse on their own. Other two-syllable words are not matched
// by their initials alone: ㄱㅅ (감사), ㅈㅈ (gg), ㅇㅋ are everyday chat.
const ABUSIVE_INITIALISMS = new Set(["ㅅㅂ", "ㅆㅂ", "ㅂㅅ", "ㅈㄹ", "ㅈㄴ", "ㅅㅍ", "ㅆㅍ"]);

const escape = (text: string) => text.replace(/[\\^$.*+?()[\]{}|-]/g, "\\$&");

function jamoClass(jamo: string): string {
  const tense = TENSE_OF[jamo];
  if (jamo === "ㄲ") return "(?:ㄲ|\\^ㄱ\\^ㄱ|77)";
  const chars = `${jamo}${tense ?? ""}${JAMO_LOOKALIKES[jamo] ?? ""}`;
  return chars.length === 1 ? escape(chars) : `[${escape(chars)}]`;
}

type SyllableUnit = { kind: "syllable"; initial: string; vowels: string[]; finals: string[] };
type Unit =
  | SyllableUnit
  | { kind: "jamo"; jamo: string }
  | { kind: "latin"; letter: string }
  | { kind: "digit"; digit: string };

/** The word as units, folded exactly like comment text (so ｓｉｂａｌ and sibal are one word). */
function unitsOf(word: string): Unit[] {
  const { plain } = buildLetterStream(word);
  const units: Unit[] = [];
  for (const char of plain) {
    const code = char.charCodeAt(0);
    if (code >= 0xac00 && code <= 0xd7a3) {
      const [initial = "", ...rest] = [...disassemble(char)];
      const vowelCount = rest.findIndex((jamo) => !isCompatVowel(jamo));
      const split = vowelCount === -1 ? rest.length : vowelCount;
      units.push({ kind: "syllable", initial, vowels: rest.slice(0, split), finals: rest.slice(split) });
    } else if (code >= 0x3131 && code <= 0x318e) {
      for (const jamo of disassemble(char)) units.push({ kind: "jamo", jamo });
    } else if (char >= "a" && char <= "z") units.push({ kind: "latin", letter: char });
    else if (char >= "0" && char <= "9") units.push({ kind: "digit", digit: char });
  }
  return units;
}

const GAP_IN_SYLLABLE = "[. ]?";
const GAP_BETWEEN = "[. 0-9a-z!|]{0,4}";
const VOWEL = "[ㅏ-ㅣ]";
const JAMO = "[ㄱ-ㅎㅏ-ㅣ]";
/** After the first character: the character before it was not a jamo (so it is no syllable's final). */
const NOT_AFTER_JAMO = `(?<!${JAMO}.)`;
/** After the first character: it was a loose jamo. */
const AFTER_LOOSE_MARK = "(?<=\\^.)";

function vowelPattern(vowel: string, last: boolean): string {
  const one = `\\^?${jamoClass(vowel)}`;
  // Drawn-out vowels repeat the last vowel of the syllable: 시이이, 씨ㅣㅣ, 바아알.
  return last ? `${one}(?:${GAP_IN_SYLLABLE}(?:[<^]ㅇ|\\^)?${jamoClass(vowel)})*` : one;
}

/** A loose consonant standing by itself (not the start of a written-out syllable), maybe doubled. */
function looseConsonant(jamo: string): string {
  const one = `\\^${jamoClass(jamo)}(?!\\^?${VOWEL})`;
  return `${one}(?:${GAP_IN_SYLLABLE}${one})*`;
}

function vowelsAndFinals(unit: SyllableUnit): string {
  const vowels = unit.vowels.map((vowel, index) => vowelPattern(vowel, index === unit.vowels.length - 1)).join(GAP_IN_SYLLABLE);
  // A final must not be the first consonant of the next syllable ("<"), so 조조 is not 좆.
  const finals = unit.finals.map((final) => `${GAP_IN_SYLLABLE}\\^?(?<!<)${jamoClass(final)}`).join("");
  // Between the first consonant and the vowel: a dot or space, or a silent ㅇ (ㅅ이발, 십알).
  return `(?:[<^]ㅇ|${GAP_IN_SYLLABLE})${vowels}${finals}`;
}

const isSi = (unit: SyllableUnit) => (unit.initial === "ㅅ" || unit.initial === "ㅆ") && unit.vowels.join("") === "ㅣ" && unit.finals.length === 0;

/** A syllable after the first: whole (its first consonant may be the previous syllable's final: 십알), by its first consonant alone, or c for 시. */
function laterSyllablePattern(unit: SyllableUnit): string {
  const alternatives = [`[<^]?${jamoClass(unit.initial)}${vowelsAndFinals(unit)}`, looseConsonant(unit.initial)];
  if (isSi(unit)) alternatives.push("(?<![a-z])c(?![a-z])");
  return `(?:${alternatives.join("|")})`;
}

/** A way a word can begin: one of `chars`, then the rest of its first unit (`head`), then the other units (`tail`). */
interface PatternStart {
  chars: string;
  head: string;
  tail: string;
}

type FirstUnitStart = Omit<PatternStart, "tail">;

// The first unit is written as "starts" that each begin with one literal character: the matcher
// groups words by that character and first unit (all the 개... words share one expression), and
// V8 then skips quickly over every position where no word can begin (one expression of a hundred
// alternatives would try each of them at every position). What may stand before the first
// character is checked by a lookbehind placed right after it.
function firstUnitStarts(unit: Unit): FirstUnitStart[] {
  if (unit.kind === "latin") {
    const chars = `${unit.letter}${LATIN_LOOKALIKES[unit.letter] ?? ""}`;
    return [{ chars, head: `(?<![a-z].)[${escape(chars)}]*` }];
  }
  if (unit.kind === "digit") return [{ chars: unit.digit, head: "" }];
  if (unit.kind === "jamo") {
    if (isCompatVowel(unit.jamo)) return [{ chars: plainChars(unit.jamo), head: "" }];
    return [{ chars: plainChars(unit.jamo), head: `${AFTER_LOOSE_MARK}(?!\\^?${VOWEL})(?:${GAP_IN_SYLLABLE}${looseConsonant(unit.jamo)})?` }];
  }
  const after = vowelsAndFinals(unit);
  const loose = `${AFTER_LOOSE_MARK}(?!\\^?${VOWEL})(?:${GAP_IN_SYLLABLE}${looseConsonant(unit.initial)})?`;
  const starts: FirstUnitStart[] = [{ chars: plainChars(unit.initial), head: `(?:${NOT_AFTER_JAMO}${after}|${loose})` }];
  // ㄲ may also be written as two loose ㄱ or as 77.
  if (unit.initial === "ㄲ") starts.push({ chars: "ㄱ", head: `${AFTER_LOOSE_MARK}\\^ㄱ${after}` }, { chars: "7", head: `${NOT_AFTER_JAMO}7${after}` });
  if (isSi(unit)) starts.push({ chars: "c", head: "(?<![a-z].)(?![a-z])" });
  return starts;
}

/** The single characters that may stand for `jamo` (itself, its tense twin, look-alikes). */
function plainChars(jamo: string): string {
  return jamo === "ㄲ" ? "ㄲ" : `${jamo}${TENSE_OF[jamo] ?? ""}${JAMO_LOOKALIKES[jamo] ?? ""}`;
}

function laterUnitPattern(unit: Unit): string {
  if (unit.kind === "syllable") return laterSyllablePattern(unit);
  if (unit.kind === "jamo") return isCompatVowel(unit.jamo) ? `\\^?${jamoClass(unit.jamo)}` : looseConsonant(unit.jamo);
  if (unit.kind === "latin") {
    const chars = `${unit.letter}${LATIN_LOOKALIKES[unit.letter] ?? ""}`;
    return `[${escape(chars)}]+`;
  }
  return unit.digit;
}

export interface WordPattern {
  word: string;
  starts: PatternStart[];
  /** The whole word as one expression (the starts joined). */
  source: string;
  /** Whether a match made only of first consonants (ㅅㅂ) counts for this word. */
  initialsCount: boolean;
}

export const charClass = (chars: string) => (chars.length === 1 ? escape(chars) : `[${escape(chars)}]`);

/** The pattern for one blocked word, or null when the word has no letters to match. */
export function compileWordPattern(word: string): WordPattern | null {
  const units = unitsOf(word);
  const [first, ...later] = units;
  if (!first) return null;
  let remainder = "";
  let previous = first;
  for (const unit of later) {
    remainder += previous.kind === "latin" && unit.kind === "latin" ? GAP_IN_SYLLABLE : GAP_BETWEEN;
    remainder += laterUnitPattern(unit);
    previous = unit;
  }
  // Latin words end where the Latin word ends.
  if (previous.kind === "latin") remainder += "(?![a-z])";
  const starts = firstUnitStarts(first).map((start) => ({ ...start, tail: remainder }));
  const source = `(?:${starts.map((start) => `${charClass(start.chars)}${start.head}${start.tail}`).join("|")})`;

  const syllables = units.filter((unit): unit is SyllableUnit => unit.kind === "syllable");
  const initials = syllables.map((unit) => unit.initial).join("");
  const typedAsInitials = units.every((unit) => unit.kind === "jamo");
  const initialsCount = typedAsInitials || syllables.length >= 3 || ABUSIVE_INITIALISMS.has(initials);
  return { word, starts, source, initialsCount };
}
