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
//   syllable only a dot or a space may come between its jamo;
// - a loose vowel letter between syllables is a separator (시ㅡ발, 지ㆍ랄), unless it belongs to a
//   loose consonant before it (ㅅㅏ is a syllable spelt out);
// - a syllable may be written in Latin letters the way people romanise it (si발, byung신:
//   syllable-spellings.ts), standing apart from other Latin letters, or as a number read aloud
//   (시8 is 시팔, 10새끼 is 씹새끼), unless a counting word follows (10년, 8시, 3개);
// - initials (ㅈㄲ for 좆까) count for words of three syllables or more, and for two-syllable
//   words unless the initials are everyday chat (ㄱㅅ 감사, ㄱㄴ 가능 ...).
// Latin words (sibal) match whole Latin words only, with digit look-alikes and separators.
import { combineCharacter, disassemble, disassembleCompleteCharacter } from "es-hangul";
import { buildLetterStream, isCompatVowel } from "@/lib/comments/blocked-words/letter-stream";
import { COUNTER_WORDS, digitSpellingsOf, latinSpellingsOf } from "@/lib/comments/blocked-words/syllable-spellings";

const TENSE_OF: Record<string, string> = { ㄱ: "ㄲ", ㄷ: "ㄸ", ㅂ: "ㅃ", ㅅ: "ㅆ", ㅈ: "ㅉ" };
const JAMO_LOOKALIKES: Record<string, string> = { ㄱ: "7", ㅇ: "0o", ㅣ: "1li!|" };
const LATIN_LOOKALIKES: Record<string, string> = { a: "4", e: "3", i: "1l!|", l: "1i!|", o: "0", s: "5", t: "7" };

// Two-letter initialisms of everyday chat: a two-syllable word whose initials are one of these
// (개새 ㄱㅅ, 개놈 ㄱㄴ, 개독 ㄱㄷ) is not matched by its initials alone. Every other two-syllable
// word is (ㅅㅂ, ㅈㄲ, ㅉㄸ ...).
const EVERYDAY_INITIALISMS = new Set([
  "ㄱㅅ", // 감사
  "ㄱㄴ", // 가능
  "ㄱㄷ", // 기다려
  "ㄱㄱ", // 고고
  "ㄱㅊ", // 괜찮아
  "ㅇㅋ", // 오케이
  "ㅇㅇ", // 응응
  "ㅇㅈ", // 인정
  "ㅇㄷ", // 어디
  "ㅇㅎ", // 아하
  "ㄴㄴ", // 노노
  "ㄴㄱ", // 누구
  "ㅈㅈ", // gg
  "ㅈㅅ", // 죄송
  "ㅈㄱ", // 지금
  "ㅅㄱ", // 수고
  "ㅊㅋ", // 축하
  "ㅊㅊ", // 추천
  "ㄹㅇ", // 리얼
  "ㄷㄷ", // 덜덜
  "ㅂㅂ", // 바이바이
  "ㅂㅇ", // 바이
  "ㅎㅇ", // 하이
  "ㅁㄹ", // 몰라
  "ㅎㄹ", // 헐
]);

const escape = (text: string) => text.replace(/[\\^$.*+?()[\]{}|-]/g, "\\$&");

function jamoClass(jamo: string): string {
  const tense = TENSE_OF[jamo];
  if (jamo === "ㄲ") return "(?:ㄲ|\\^ㄱ\\^ㄱ|77)";
  const chars = `${jamo}${tense ?? ""}${JAMO_LOOKALIKES[jamo] ?? ""}`;
  return chars.length === 1 ? escape(chars) : `[${escape(chars)}]`;
}

type SyllableUnit = { kind: "syllable"; text: string; initial: string; vowels: string[]; finals: string[] };
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
      units.push({ kind: "syllable", text: char, initial, vowels: rest.slice(0, split), finals: rest.slice(split) });
    } else if (code >= 0x3131 && code <= 0x318e) {
      for (const jamo of disassemble(char)) units.push({ kind: "jamo", jamo });
    } else if (char >= "a" && char <= "z") units.push({ kind: "latin", letter: char });
    else if (char >= "0" && char <= "9") units.push({ kind: "digit", digit: char });
  }
  return units;
}

const GAP_IN_SYLLABLE = "[. ]?";
/** A loose vowel letter that is not part of a loose consonant's syllable (시ㅡ발, not ㅅㅏ). */
const VOWEL_SEPARATOR = "(?<!\\^[ㄱ-ㅎ])\\^[ㅏ-ㅣㆍㆎ]";
const GAP_BETWEEN = `(?:[. 0-9a-z!|]|${VOWEL_SEPARATOR}){0,4}`;
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

/** The syllable with its first consonant made tense (시 -> 씨): a plain consonant stands for its twin too. */
function tenseTwinOf(unit: SyllableUnit): string | null {
  const tense = TENSE_OF[unit.initial];
  const parts = disassembleCompleteCharacter(unit.text);
  return tense && parts ? combineCharacter(tense, parts.jungseong, parts.jongseong) : null;
}

/** The syllable's Latin spellings (and its tense twin's), each standing apart from other Latin letters. */
function latinSpellings(unit: SyllableUnit): string[] {
  const twin = tenseTwinOf(unit);
  return [...new Set([...latinSpellingsOf(unit.text), ...(twin ? latinSpellingsOf(twin) : [])])];
}

// A number followed by a counting word is a count (10년, 8시), never a syllable in disguise.
// (A counting word is a whole syllable: 차 counts, 창 does not.)
const NOT_BEFORE_COUNTER = `(?![. ]?(?:${COUNTER_WORDS.map((word) => escape(buildLetterStream(word).stream)).join("|")})(?![ㄱ-ㅣa-z]))`;
const digitAlternative = (digits: string) => `${escape(digits)}(?![0-9])${NOT_BEFORE_COUNTER}`;

/** A syllable after the first: whole (its first consonant may be the previous syllable's final: 십알), by its first consonant alone, c for 시, romanised, or read as a number. */
function laterSyllablePattern(unit: SyllableUnit): string {
  const alternatives = [`[<^]?${jamoClass(unit.initial)}${vowelsAndFinals(unit)}`, looseConsonant(unit.initial)];
  if (isSi(unit)) alternatives.push("(?<![a-z])c(?![a-z])");
  const latin = latinSpellings(unit);
  if (latin.length) alternatives.push(`(?<![a-z])(?:${latin.map(escape).join("|")})(?![a-z])`);
  const digits = digitSpellingsOf(unit.text);
  if (digits.length) alternatives.push(`(?<![0-9])(?:${digits.map(digitAlternative).join("|")})`);
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
  // Romanised (si, byung) or read as a number (10 for 씹): grouped by their first character.
  for (const [first, rests] of byFirstCharacter(latinSpellings(unit))) {
    starts.push({ chars: first, head: `(?<![a-z].)(?:${rests.map(escape).join("|")})(?![a-z])` });
  }
  for (const [first, rests] of byFirstCharacter(digitSpellingsOf(unit.text))) {
    starts.push({ chars: first, head: `(?<![0-9].)(?:${rests.map(digitAlternative).join("|")})` });
  }
  return starts;
}

function byFirstCharacter(spellings: string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const spelling of spellings) {
    const first = spelling.charAt(0);
    groups.set(first, [...(groups.get(first) ?? []), spelling.slice(1)]);
  }
  return groups;
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
  /** Whether the word is written in Hangul (then a match must show some Hangul, or be a whole word: c8). */
  hangul: boolean;
  /** How many letters or syllables the word has. */
  unitCount: number;
  /** A single Hangul syllable (씹, 좆): not when it is the stem of a verb (씹어, 씹는). */
  singleSyllable: boolean;
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
  const initialsCount = typedAsInitials || syllables.length >= 3 || (syllables.length === 2 && !EVERYDAY_INITIALISMS.has(initials));
  const hangul = units.some((unit) => unit.kind === "syllable" || unit.kind === "jamo");
  return { word, starts, source, initialsCount, hangul, unitCount: units.length, singleSyllable: units.length === 1 && syllables.length === 1 };
}
