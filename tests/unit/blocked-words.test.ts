// The blocked-word matcher against the starter list: disguised abuse the way it is really
// written must be caught; innocent Korean text that merely contains a blocked pair of letters
// must pass. Both tables run the real data file (lib/comments/blocked-words/data).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileBlockedWords } from "@/lib/comments/blocked-words/blocked-word-matcher";
import { parseWordList } from "@/lib/comments/blocked-words/word-list-file";

const dataDir = path.join(process.cwd(), "lib/comments/blocked-words/data");
const starter = parseWordList(readFileSync(path.join(dataDir, "starter-ko.txt"), "utf8"));
const innocent = parseWordList(readFileSync(path.join(dataDir, "innocent-ko.txt"), "utf8"));
const matcher = compileBlockedWords(starter, innocent);

// [comment, the listed word it must be caught as]
const EVASIONS: [string, string][] = [
  ["씨발", "시발"],
  ["시발 뭐하냐", "시발"],
  ["아 시 발 진짜", "시발"],
  ["시.발", "시발"],
  ["시...발", "시발"],
  ["시*발", "시발"],
  ["시1발", "시발"],
  ["ㅅ1발", "시발"],
  ["시l발 같은 기사", "시발"],
  ["씨~~~~발", "시발"],
  ["시이이이발", "시발"],
  ["씨ㅣㅣㅣ발", "시발"],
  ["씨바알", "시발"],
  ["ㅅㅂ", "시발"],
  ["ㅆㅂ 이게 뭐냐", "시발"],
  ["ㅅ ㅂ", "시발"],
  ["ㅅ.ㅂ", "시발"],
  ["ㅅㅅㅂㅂ", "시발"],
  ["ㅋㅋㅅㅂㅋㅋ", "시발"],
  ["ㅅㅣㅂㅏㄹ", "시발"],
  ["ㅅ발", "시발"],
  ["ㅆ발놈아", "시발"],
  ["씨ㅂ", "시발"],
  ["십알", "시발"],
  ["c발", "시발"],
  ["C발 기사 수준", "시발"],
  ["시x발", "시발"],
  ["tlqkf", "시발"],
  ["Tlqkf 진짜", "시발"],
  ["시１발", "시발"], // full-width digit
  ["ｓｉｂａｌ", "sibal"], // full-width Latin
  ["㉦㉥", "시발"], // circled compatibility jamo
  ["\uFFB5\uFFB2", "시발"], // half-width jamo ㅅㅂ
  ["\u1109\u1107", "시발"], // conjoining initials ᄉᄇ
  ["시발".normalize("NFD"), "시발"], // decomposed syllables
  ["씨빨", "시발"],
  ["씨팔", "시팔"],
  ["병신", "병신"],
  ["병1신", "병신"],
  ["병ㅅ1ㄴ", "병신"],
  ["ㅂㅅ같은 소리", "병신"],
  ["븅신", "븅신"],
  ["개새끼", "개새끼"],
  ["개.새.끼", "개새끼"],
  ["개 새 끼", "개새끼"],
  ["개새 끼", "개새끼"],
  ["7ㅐ새끼", "개새끼"],
  ["ㄱㅅㄲ", "개새끼"],
  ["개새기", "개새기"],
  ["존나 웃기네", "존나"],
  ["ㅈㄴ 웃기네", "좆나"], // ㅈㄴ is the initials of both,
  ["존1나", "존나"],
  ["지랄하네", "지랄"],
  ["ㅈㄹ하네", "지랄"],
  ["지ㄹㄹ랄", "지랄"],
  ["좆같네", "좆"],
  ["조ㅈ같네", "좆"],
  ["니애미", "니애미"],
  ["느금마", "느금마"],
  ["미친놈", "미친놈"],
  ["미친 놈", "미친놈"],
  ["미.친.놈", "미친놈"],
  ["쪽바리", "쪽바리"],
  ["짱 깨", "짱깨"],
  ["한남충", "한남충"],
  ["sibal", "sibal"],
  ["s1bal", "sibal"],
  ["s.i.b.a.l", "sibal"],
];

const INNOCENT: string[] = [
  "시발점에서 다시 시작합시다",
  "18세 이상 관람가입니다",
  "수박씨 발라 먹기",
  "수박씨발라 먹는 법",
  "다시 발견된 유물",
  "가시 발톱을 세운 고양이",
  "입시발표가 내일입니다",
  "서울시 발표에 따르면",
  "새끼 고양이를 입양했어요",
  "고기를 꼭꼭 씹어 먹어라",
  "시바견이 귀엽네요",
  "조조와 유비의 싸움",
  "좋지 않은 결정이다",
  "꿈을 좇는 청년들",
  "5개년 계획을 세웠다",
  "등신대 앞에서 사진을 찍었다",
  "ㅇㅋ ㄱㅅ",
  "수고하셨습니다 ㅅㄱ",
  "ㅋㅋㅋㅋ 웃기네",
  "ㅎㅎ 좋은 기사네요",
  "보지 말고 들어라",
  "자지 않고 기다렸다",
  "미친 듯이 달렸다",
  "병원 신생아실이 붐빈다",
  "지난 2018년 발표",
  "씨앗 발아 실험",
  "아시 발레단 공연",
  "옷이 발에 걸렸다",
  "맛이 발군이다",
  "시민 발언대",
  "갓바위에 올랐다",
  "이 사람 존경합니다",
  "존재 자체가 빛난다",
  "개발자 회의가 열렸다",
  "개선 방안을 발표했다",
  "마음에 새기다",
  "시의회 발언이 논란이다",
  "I love this article, thanks",
  "table tennis is fun",
  "Seoul city budget",
  "참고 https://example.com/sibalik",
  "한 시 반에 만나요",
  "시 한 편을 읽었다",
  "발표 시각은 9시 발표 예정",
  "씨름 대회",
  "주식 시장이 발칵 뒤집혔다",
];

describe("blocked words: disguised abuse is caught", () => {
  it.each(EVASIONS)("%s -> %s", (text, word) => {
    expect(matcher.findBlockedWord(text)?.word ?? null).toBe(word);
  });
});

describe("blocked words: innocent text passes", () => {
  it.each(INNOCENT)("%s", (text) => {
    expect(matcher.findBlockedWord(text)).toBeNull();
  });
});
