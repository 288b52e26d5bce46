// Kinds of innocent text that contain a blocked word's letters, recognised as kinds rather than
// listed one by one (data/innocent-ko.txt lists single words):
// - the names of years and days in the sixty-year cycle (육십갑자): 병신년 is the year 2016, 병신일
//   a day; a cycle name followed by a calendar word is innocent;
// - faces drawn with letters (ㅇㅂㅇ, ㅇㅁㅇ): initials that are a face's eyes and mouth;
// - a one-syllable word that is also the stem of a verb, followed by a verb ending (씹어, 씹는,
//   곱씹다): only the word on its own is abuse.
import { disassembleCompleteCharacter } from "es-hangul";
import type { Cell, LetterStream } from "@/lib/comments/blocked-words/letter-stream";

const HEAVENLY_STEMS = "갑을병정무기경신임계";
const EARTHLY_BRANCHES = "자축인묘진사오미신유술해";
const CALENDAR_WORDS = ["년", "년도", "년생", "생", "일", "월", "해", "시"];

/** The sixty names of the cycle (갑자, 을축 ... 계해). */
const SEXAGENARY_NAMES: readonly string[] = Array.from({ length: 60 }, (_, n) => `${HEAVENLY_STEMS.charAt(n % 10)}${EARTHLY_BRANCHES.charAt(n % 12)}`);

/** Each cycle name with each calendar word after it (병신년, 병신일 ...), for the names `matches` says contain a blocked word. */
export function calendarPhrasesContaining(matches: (text: string) => boolean): string[] {
  return SEXAGENARY_NAMES.filter(matches).flatMap((name) => CALENDAR_WORDS.map((word) => `${name}${word}`));
}

const FACE_LETTERS = new Set(["ㅇ", "ㅡ", "ㅠ", "ㅜ", "ㅎ"]);

/**
 * Whether a match of initials is (part of) a face drawn with letters: eye, mouth, eye, standing
 * apart from other loose letters. ㅇㅂㅇ holds ㅇㅂ (염병's initials), ㅇㅁㅇ is 엿먹어's.
 */
export function isEmoticonFace(letters: LetterStream, first: number, last: number): boolean {
  const letterOf = (index: number) => {
    const cell: Cell | undefined = letters.cells[index];
    return cell?.kind === "jamo" ? letters.plain.charAt(cell.at) : "";
  };
  const eye = letterOf(first);
  const end = last === first + 1 && letterOf(last + 1) === eye ? last + 1 : last;
  return end === first + 2 && FACE_LETTERS.has(eye) && letterOf(end) === eye && letterOf(first - 1) === "" && letterOf(end + 1) === "";
}

// Endings that make a one-syllable word a verb: 어/었/으/은/을 ... (ㅇ with ㅓ or ㅡ), and 고 는
// 다 지 기 게 니 네 던 든 자 and the passive 히/혀/힌/힐/힘/혔.
const VERB_ENDINGS = new Set([..."고는다지기게니네던든자히혀힌힐힘혔"]);

/** Whether the syllable is a verb ending after a stem. */
export function isVerbEnding(syllable: string): boolean {
  if (VERB_ENDINGS.has(syllable)) return true;
  const parts = disassembleCompleteCharacter(syllable);
  return parts?.choseong === "ㅇ" && (parts.jungseong === "ㅓ" || parts.jungseong === "ㅡ");
}
