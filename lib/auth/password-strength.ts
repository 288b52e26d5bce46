// How guessable a new password is, by zxcvbn-ts (a maintained port of Dropbox's estimator) with
// its common-language and English dictionaries, so "aaaaaaaaaa", ten spaces or "password2026!"
// are refused although they are long enough. Its feedback is shown in Korean (the library has no
// Korean pack: the translations below follow its own keys).
import { ZxcvbnFactory, type TranslationKeys } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";

/** zxcvbn's scale is 0-4; 3 means "safely unguessable" against online and slow offline attacks. */
const MIN_PASSWORD_SCORE = 3;

const korean: TranslationKeys = {
  warnings: {
    straightRow: "키보드의 한 줄을 그대로 누른 비밀번호는 추측하기 쉽습니다.",
    keyPattern: "짧은 키보드 패턴은 추측하기 쉽습니다.",
    simpleRepeat: '"aaa"처럼 같은 글자를 되풀이하면 추측하기 쉽습니다.',
    extendedRepeat: '"abcabcabc"처럼 같은 묶음을 되풀이하면 추측하기 쉽습니다.',
    sequences: '"abc", "123" 같은 차례대로 된 글자는 추측하기 쉽습니다.',
    recentYears: "최근 연도는 추측하기 쉽습니다.",
    dates: "날짜는 추측하기 쉽습니다.",
    topTen: "가장 많이 쓰이는 비밀번호 가운데 하나입니다.",
    topHundred: "아주 흔히 쓰이는 비밀번호입니다.",
    common: "흔히 쓰이는 비밀번호입니다.",
    similarToCommon: "흔히 쓰이는 비밀번호와 비슷합니다.",
    wordByItself: "단어 하나만으로는 추측하기 쉽습니다.",
    namesByThemselves: "이름이나 성만으로는 추측하기 쉽습니다.",
    commonNames: "흔한 이름과 성은 추측하기 쉽습니다.",
    userInputs: "이름이나 이메일 같은 개인 정보를 넣지 마세요.",
    pwned: "인터넷에 유출된 적이 있는 비밀번호입니다.",
  },
  suggestions: {
    l33t: "'a' 대신 '@'처럼 뻔한 글자 바꾸기는 피하세요.",
    reverseWords: "흔한 단어를 거꾸로 쓰는 것은 피하세요.",
    allUppercase: "모두 대문자로 쓰기보다 일부만 대문자로 쓰세요.",
    capitalization: "첫 글자 말고도 대문자를 섞어 쓰세요.",
    dates: "나와 관련된 날짜와 연도는 피하세요.",
    recentYears: "최근 연도는 피하세요.",
    associatedYears: "나와 관련된 연도는 피하세요.",
    sequences: "차례대로 된 글자는 피하세요.",
    repeated: "같은 단어나 글자를 되풀이하지 마세요.",
    longerKeyboardPattern: "키보드 패턴을 쓴다면 더 길게, 방향을 여러 번 바꾸세요.",
    anotherWord: "흔하지 않은 단어를 더 넣으세요.",
    useWords: "여러 단어를 이어 쓰되 흔한 문구는 피하세요.",
    noNeed: "기호나 숫자, 대문자 없이도 긴 문장으로 강한 비밀번호를 만들 수 있습니다.",
    pwned: "다른 곳에서도 이 비밀번호를 쓴다면 바꾸세요.",
  },
  timeEstimation: {
    ltSecond: "1초 미만",
    second: "{base}초",
    seconds: "{base}초",
    minute: "{base}분",
    minutes: "{base}분",
    hour: "{base}시간",
    hours: "{base}시간",
    day: "{base}일",
    days: "{base}일",
    month: "{base}개월",
    months: "{base}개월",
    year: "{base}년",
    years: "{base}년",
    centuries: "수백 년",
  },
};

let estimator: ZxcvbnFactory | undefined;

function getEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: korean,
  });
  return estimator;
}

/** null when the password is strong enough; otherwise the reason, in Korean. */
export function weakPasswordReason(password: string, userInputs: string[] = []): string | null {
  const result = getEstimator().check(password, userInputs);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const reason = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(" ");
  return `추측하기 쉬운 비밀번호입니다. ${reason || "흔하지 않은 단어를 여러 개 이어 더 길게 만드세요."}`;
}
