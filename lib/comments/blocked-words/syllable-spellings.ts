// Other ways a Hangul syllable is written without Hangul, for the word patterns (word-pattern.ts):
// - in Latin letters, as people romanise it in chat: es-hangul's Revised Romanisation of each part
//   (시 si, 병 byeong, 발 bal) plus the informal spellings everyone reads the same way (ss/sh for
//   ㅅ, u for ㅓ, b/p/v for ㅂ, r/l for ㄹ, a final written like a first consonant: bal/bar,
//   sin/shin, byung/byeong);
// - as a number read aloud: 8 is 팔, 10 is 십 (es-hangul's numberToHangul), and since digits
//   cannot show a tense consonant, 10 stands for 씹 as well as 십.
// Each is a class of spellings, derived from the syllable's parts, not a list of disguised words.
import { combineCharacter, disassembleCompleteCharacter, numberToHangul, romanize } from "es-hangul";

const INITIAL_INFORMAL: Record<string, string[]> = {
  g: ["k"],
  kk: ["gg", "k", "g"],
  d: ["t"],
  tt: ["dd", "d", "t"],
  r: ["l"],
  b: ["p", "v"],
  pp: ["bb", "b", "p"],
  s: ["sh"],
  ss: ["s", "sh", "ssh"],
  j: ["z"],
  jj: ["zz", "j"],
  ch: ["c"],
  p: ["f", "ph"],
};

const VOWEL_INFORMAL: Record<string, string[]> = {
  eo: ["u", "o"],
  yeo: ["yu", "yo"],
  eu: ["u"],
  ae: ["e"],
  yae: ["ye"],
  oe: ["we"],
  wae: ["we"],
  ui: ["i"],
  u: ["oo"],
  e: ["ae"],
};

const FINAL_INFORMAL: Record<string, string[]> = { k: ["g"], l: ["r"], p: ["b"] };

const withInformal = (standard: string, table: Record<string, string[]>) => [standard, ...(table[standard] ?? [])];

function initialSpellings(initial: string): string[] {
  if (initial === "ㅇ") return [""];
  const standard = romanize(combineCharacter(initial, "ㅏ")).replace(/a$/, "");
  return withInformal(standard, INITIAL_INFORMAL);
}

function vowelSpellings(vowel: string): string[] {
  return withInformal(romanize(combineCharacter("ㅇ", vowel)), VOWEL_INFORMAL);
}

/** A final is romanised as a final (신 sin, 좆 jot) or written like its consonant at the start of a syllable (좆 joj, 발 bar). */
function finalSpellings(final: string): string[] {
  if (!final) return [""];
  const first = [...final][0] ?? final;
  const standard = romanize(combineCharacter("ㅇ", "ㅏ", final)).replace(/^a/, "");
  const asInitial = first === "ㅇ" ? [] : [romanize(combineCharacter(first, "ㅏ")).replace(/a$/, "")];
  return [...new Set([...withInformal(standard, FINAL_INFORMAL), ...asInitial])];
}

const latinCache = new Map<string, string[]>();

/** The Latin spellings of one Hangul syllable (가-힣), longest first. */
export function latinSpellingsOf(syllable: string): string[] {
  const cached = latinCache.get(syllable);
  if (cached) return cached;
  const parts = disassembleCompleteCharacter(syllable);
  if (!parts) return [];
  const spellings = new Set<string>();
  for (const initial of initialSpellings(parts.choseong))
    for (const vowel of vowelSpellings(parts.jungseong)) for (const final of finalSpellings(parts.jongseong)) spellings.add(`${initial}${vowel}${final}`);
  const sorted = [...spellings].filter(Boolean).sort((a, b) => b.length - a.length);
  latinCache.set(syllable, sorted);
  return sorted;
}

const TENSE_TO_PLAIN: Record<string, string> = { ㄲ: "ㄱ", ㄸ: "ㄷ", ㅃ: "ㅂ", ㅆ: "ㅅ", ㅉ: "ㅈ" };

/** The syllable with a tense first consonant made plain (씹 -> 십): what a number read aloud can say. */
function plainOf(syllable: string): string {
  const parts = disassembleCompleteCharacter(syllable);
  if (!parts) return syllable;
  const plain = TENSE_TO_PLAIN[parts.choseong];
  return plain ? combineCharacter(plain, parts.jungseong, parts.jongseong) : syllable;
}

// Numbers read as one syllable: 0-10, 100, 1000 (영 일 이 ... 십 백 천).
const ONE_SYLLABLE_NUMBERS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100, 1000]
  .map((n) => ({ digits: String(n), reading: numberToHangul(n) }))
  .filter((entry) => entry.reading.length === 1);

/** The digit strings read aloud as `syllable` (8 for 팔, 10 for 십 and 씹). */
export function digitSpellingsOf(syllable: string): string[] {
  const plain = plainOf(syllable);
  return ONE_SYLLABLE_NUMBERS.filter((entry) => entry.reading === syllable || entry.reading === plain).map((entry) => entry.digits);
}

// Words that follow a number as a count (10년, 8시, 3개, 18세): a number before one of them is a
// number, not a syllable in disguise.
export const COUNTER_WORDS = ["년", "명", "개", "세", "살", "일", "월", "시", "분", "초", "원", "번", "회", "층", "대", "권", "장", "마리", "달", "주", "차", "호", "점", "배", "위", "할", "푼", "리", "등", "도", "만", "억", "천", "백", "조", "퍼센트", "프로", "인", "kg", "km", "cm", "mm", "g", "m"];
