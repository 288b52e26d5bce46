// Korean particles (조사) that readers type after a noun: 고양시가, 고양시는, 서울에서는. The
// search looks for the noun, which is a substring of every form, so removing a particle only
// ever widens the match. Rules that keep it from widening too far:
// - the noun left over has at least two syllables (국가 stays 국가, 회의 stays 회의);
// - a particle whose form depends on the last syllable's final consonant (이/가, 은/는 ...)
//   is removed only when it is the right form for that noun (es-hangul's josa.pick):
//   "고양시가" loses 가, "고양시이" does not;
// - common nouns that merely end like a particle are kept whole (경기도 is not 경기 + 도).
import { josa } from "es-hangul";

type JosaPair = Parameters<typeof josa.pick>[1];

/** Particles whose form follows the final consonant, by the pair es-hangul knows them as. */
const PAIRED: [string, JosaPair][] = [
  ["으로", "으로/로"],
  ["로", "으로/로"],
  ["이나", "이나/나"],
  ["나", "이나/나"],
  ["이랑", "이랑/랑"],
  ["랑", "이랑/랑"],
  ["이란", "이란/란"],
  ["란", "이란/란"],
  ["이", "이/가"],
  ["가", "이/가"],
  ["은", "은/는"],
  ["는", "은/는"],
  ["을", "을/를"],
  ["를", "을/를"],
  ["과", "와/과"],
  ["와", "와/과"],
];

/** Particles that attach to any noun. Longest first, so 에서 wins over 에. */
const FREE = ["에게서", "으로서", "에서", "에게", "께서", "한테", "까지", "부터", "보다", "처럼", "마다", "조차", "밖에", "에", "의", "도", "만", "께"];

/** Nouns that end like a particle but are whole words readers search for. */
const KEEP_WHOLE = new Set([
  "경기도", "강원도", "충청도", "전라도", "경상도", "제주도", "충청북도", "충청남도", "전라북도", "전라남도", "경상북도", "경상남도",
  "울릉도", "한반도", "어린이", "고양이", "민주주의", "자본주의", "사회주의", "공산주의", "자유주의", "개인주의", "부산도",
]);

const HANGUL_SYLLABLE = /[\uAC00-\uD7A3]$/u;
// "ai는", "bts가": a Latin or numeric noun takes either form, as readers pronounce it.
const LATIN_OR_DIGIT = /[a-z0-9]$/u;
const MIN_STEM_SYLLABLES = 2;
// 서울에서는 = 서울 + 에서 + 는: at most two particles in a row.
const MAX_PARTICLES = 2;

function stripOne(word: string): string | null {
  if (KEEP_WHOLE.has(word) || !HANGUL_SYLLABLE.test(word)) return null;
  for (const [particle, pair] of PAIRED) {
    if (!word.endsWith(particle)) continue;
    const stem = word.slice(0, -particle.length);
    if (Array.from(stem).length < MIN_STEM_SYLLABLES) continue;
    if (LATIN_OR_DIGIT.test(stem) || (HANGUL_SYLLABLE.test(stem) && josa.pick(stem, pair) === particle)) return stem;
  }
  for (const particle of FREE) {
    if (!word.endsWith(particle)) continue;
    const stem = word.slice(0, -particle.length);
    if (Array.from(stem).length >= MIN_STEM_SYLLABLES) return stem;
  }
  return null;
}

/** The noun a search word is about: "고양시가" -> "고양시", "서울에서는" -> "서울", "경제" -> "경제". */
export function stripJosa(word: string): string {
  let current = word;
  for (let i = 0; i < MAX_PARTICLES; i++) {
    const stem = stripOne(current);
    if (stem === null) break;
    current = stem;
  }
  return current;
}
