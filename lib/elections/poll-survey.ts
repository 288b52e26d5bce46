// The particulars an election poll story must carry (공직선거법 제108조 제6항: "선거여론조사기준으로
// 정하는 사항을 함께 공표 또는 보도하여야"; 선거여론조사기준 제18조, 중앙선거여론조사심의위원회).
// 제18조 제1항 lists what goes with a first publication (조사 의뢰자, 조사기관·단체명, 조사 지역,
// 조사 일시, 조사 대상, 조사 방법, 표본의 크기, 피조사자 선정 방법, 응답률, 가중값 산출 및 적용
// 방법, 표본오차, 질문 내용); 제3항 what goes with a story quoting a poll already published (where
// it first appeared, and a pointer to the commission's site). Sources and wording: docs. Stored on
// the story (Article.pollSurvey) and its revisions; checked at submission and approval; printed in
// a box at the end of the story; entered in the editor (components/editor/poll-survey-field.tsx),
// which shows this schema's messages next to the fields. Pure and browser-safe.
import { z } from "zod";
import { safeText } from "@/lib/schemas/common";

/** First publication of a poll the paper commissioned or received (제18조 제1항), or a story quoting one already published (제18조 제3항). */
type PollSurveyKind = "original" | "cited";

export const POLL_SURVEY_KIND_LABEL: Record<PollSurveyKind, string> = { original: "최초 공표 (제18조 제1항)", cited: "인용 보도 (제18조 제3항)" };

const TEXT_MAX = 300;

/** Each particular, in the order of 제18조 제1항, with the label printed in the box. */
const POLL_SURVEY_FIELDS = [
  { key: "sponsor", label: "조사 의뢰자", hint: "예: 누리일보", max: TEXT_MAX },
  { key: "pollster", label: "조사기관", hint: "예: 한국여론연구소", max: TEXT_MAX },
  { key: "area", label: "조사 지역", hint: "예: 경기도 고양시", max: TEXT_MAX },
  { key: "fieldDates", label: "조사 일시", hint: "예: 2028년 3월 30~31일", max: TEXT_MAX },
  { key: "population", label: "조사 대상", hint: "예: 고양시 거주 만 18세 이상 남녀", max: TEXT_MAX },
  { key: "method", label: "조사 방법", hint: "예: 무선 전화면접 100%", max: TEXT_MAX },
  { key: "sampleSize", label: "표본 크기", hint: "예: 1,003명", max: TEXT_MAX },
  { key: "samplingMethod", label: "피조사자 선정 방법", hint: "예: 휴대전화 가상번호 무작위 추출 (무선 100%)", max: TEXT_MAX },
  { key: "responseRate", label: "응답률", hint: "예: 12.4%", max: TEXT_MAX },
  { key: "weighting", label: "가중값 산출 및 적용 방법", hint: "예: 2028년 2월 말 행정안전부 주민등록 인구 기준 성·연령·지역별 셀가중", max: TEXT_MAX },
  { key: "marginOfError", label: "표본오차", hint: "예: 95% 신뢰수준에 ±3.1%포인트", max: TEXT_MAX },
  { key: "questions", label: "질문 내용", hint: "조사에서 물은 그대로, 문항마다 한 줄", max: 3000 },
] as const;

type PollSurveyField = (typeof POLL_SURVEY_FIELDS)[number]["key"];

/** What a story quoting a published poll adds (제18조 제3항 제1호: 최초 공표·보도 출처). */
const POLL_CITATION_FIELDS = [
  { key: "firstPublishedBy", label: "최초 공표·보도 매체", hint: "예: 한빛일보", max: 200 },
  { key: "firstPublishedOn", label: "최초 공표·보도 일자", hint: "예: 2028년 4월 1일", max: 200 },
] as const;

type CitationField = (typeof POLL_CITATION_FIELDS)[number]["key"];
type PollTextField = PollSurveyField | CitationField;

/** A quoting story still names who commissioned and ran the poll and when (commission's guidance). */
const CITED_REQUIRED: readonly PollTextField[] = ["sponsor", "pollster", "fieldDates", "firstPublishedBy", "firstPublishedOn"];

/** The sentence every box ends with (제18조 제3항 제2호; added to first publications too, as papers do). */
export const NESDC_POINTER = "그 밖의 사항은 중앙선거여론조사심의위원회 홈페이지(www.nesdc.go.kr)를 참조하십시오.";

// Numbers as reporters write them: "1,003", "12.4", "１２．４" comes NFC-normalised but not
// width-folded, so full-width digits are folded here.
const NUMBER = /\d[\d,]*(?:\.\d+)?/gu;
const halfWidth = (text: string) => text.replace(/[０-９．％，]/gu, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
const numbersIn = (text: string) => Array.from(halfWidth(text).matchAll(NUMBER), (match) => ({ value: Number(match[0].replace(/,/gu, "")), end: (match.index ?? 0) + match[0].length }));

/**
 * 표본 크기: the first number is the sample (a breakdown may follow, "1,003명 (무선 803명 …)").
 * A poll of nobody has no results to report.
 */
function sampleSizeProblem(text: string): string | null {
  const [first] = numbersIn(text);
  if (!first) return "표본 크기는 숫자로 적어 주세요 (예: 1,003명).";
  if (!Number.isInteger(first.value) || first.value < 1) return "표본 크기는 1명 이상인 정수로 적어 주세요 (예: 1,003명).";
  return null;
}

/**
 * 응답률: every percentage written ("무선 12.4%, 유선 5.1%"), or the first number when none has a
 * sign. A count may follow in brackets ("12.4% (8,089명 중 1,003명)"), so only percentages count.
 */
function responseRateProblem(text: string): string | null {
  const folded = halfWidth(text);
  const numbers = numbersIn(text);
  if (numbers.length === 0) return "응답률은 숫자로 적어 주세요 (예: 12.4%).";
  const percentages = numbers.filter((number) => /^\s*%/u.test(folded.slice(number.end)));
  const checked = percentages.length > 0 ? percentages : numbers.slice(0, 1);
  if (checked.some((number) => number.value <= 0 || number.value > 100)) return "응답률은 0%보다 크고 100% 이하여야 합니다.";
  return null;
}

const VALUE_RULES: Partial<Record<PollTextField, (text: string) => string | null>> = { sampleSize: sampleSizeProblem, responseRate: responseRateProblem };

/** One field's text; with `checkValue`, its value rule too (an empty field always passes: a draft may lack it). */
function textField(field: { key: PollTextField; max: number }, checkValue: boolean) {
  const base = safeText({ max: field.max, maxMessage: `여론조사 항목은 ${field.max}자 이하로 적어 주세요.` });
  const rule = VALUE_RULES[field.key];
  if (!checkValue || !rule) return base.default("");
  return base
    .superRefine((value, ctx) => {
      const problem = value === "" ? null : rule(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .default("");
}

function surveySchema(checkValues: boolean) {
  const texts = Object.fromEntries([...POLL_SURVEY_FIELDS, ...POLL_CITATION_FIELDS].map((field) => [field.key, textField(field, checkValues)])) as Record<PollTextField, ReturnType<typeof textField>>;
  return z.object({
    kind: z.enum(["original", "cited"], { error: "여론조사 보도의 종류(최초 공표·인용)를 고르세요." }).default("original"),
    ...texts,
    /** 제108조 제8항 제1호: only polls registered on the commission's site may be published. */
    registered: z.boolean({ error: "등록 확인은 예 또는 아니오로 보내세요." }).default(false),
  });
}

/**
 * The particulars with their value rules (표본 크기 0명, 응답률 120% get a Korean message on the
 * field's path): what the editor shows next to the fields as the reporter types
 * (`pollSurveyFieldErrors`). Submission and approval refuse the same values
 * (`pollSurveyProblems`).
 */
export const pollSurveySchema = surveySchema(true);

/**
 * The shape every save, stored row and API answer has, without the value rules: a draft is saved
 * whatever it holds, like an unfinished headline, so a value still being corrected never holds
 * back the rest of the story (an autosave refused for 응답률 would leave the body typed after it
 * on one device only); and a row saved before a rule existed comes back as it is, never blanked.
 */
export const storedPollSurveySchema = surveySchema(false);

export type PollSurvey = z.output<typeof pollSurveySchema>;

/** An empty survey of a kind: what the editor starts from when a story is flagged. */
export function emptyPollSurvey(kind: PollSurveyKind = "original"): PollSurvey {
  return pollSurveySchema.parse({ kind });
}

export interface PollSurveyFormField {
  key: PollTextField;
  label: string;
  hint: string;
  max: number;
  /** Needed before the story may go to the desk, for this kind. */
  required: boolean;
}

const isRequired = (kind: PollSurveyKind, key: PollTextField) => kind === "original" || CITED_REQUIRED.includes(key);

/** The text fields a survey of this kind shows, in the box's order, each marked required or not. */
export function pollSurveyFormFields(kind: PollSurveyKind): PollSurveyFormField[] {
  const fields = kind === "original" ? [...POLL_SURVEY_FIELDS] : [...POLL_CITATION_FIELDS, ...POLL_SURVEY_FIELDS];
  return fields.map((field) => ({ ...field, required: isRequired(kind, field.key) }));
}

export interface PollSurveyProblem {
  field: PollTextField | "registered";
  message: string;
}

/**
 * What the poll story still lacks before it may go to the desk or out (empty when nothing): each
 * required item left empty, each value its rule refuses (a row saved before the rule existed), and
 * the registration check.
 */
export function pollSurveyProblems(survey: PollSurvey): PollSurveyProblem[] {
  // The law's order (제18조 제1항, then 제3항), whatever order the form shows them in.
  const required = (survey.kind === "original" ? [...POLL_SURVEY_FIELDS] : [...POLL_SURVEY_FIELDS, ...POLL_CITATION_FIELDS]).filter((field) => isRequired(survey.kind, field.key));
  const problems: PollSurveyProblem[] = required.filter((field) => survey[field.key].trim() === "").map((field) => ({ field: field.key, message: `여론조사 항목을 채우세요: ${field.label}.` }));
  for (const [key, rule] of Object.entries(VALUE_RULES) as [PollTextField, (text: string) => string | null][]) {
    const problem = survey[key].trim() === "" ? null : rule(survey[key]);
    if (problem) problems.push({ field: key, message: problem });
  }
  if (!survey.registered) {
    problems.push({ field: "registered", message: "중앙선거여론조사심의위원회 홈페이지에 등록된 조사인지 확인하세요 (공직선거법 제108조 제8항)." });
  }
  return problems;
}

/** The lines the box prints, in order, for the survey's kind (empty fields left out). */
export function pollSurveyLines(survey: PollSurvey): { label: string; value: string }[] {
  return pollSurveyFormFields(survey.kind)
    .map((field) => ({ label: field.label, value: survey[field.key].trim() }))
    .filter((line) => line.value !== "");
}

/**
 * The particulars as one text for the desk's diff, a line each: the kind, the box's lines and the
 * registration check. Not a poll story: empty (so a story flagged or unflagged shows as added or removed).
 */
export function pollSurveyAsText(survey: PollSurvey | null): string {
  if (!survey) return "";
  return [
    `종류: ${POLL_SURVEY_KIND_LABEL[survey.kind]}`,
    // A many-line item (the questions) keeps its lines, indented under its label.
    ...pollSurveyLines(survey).map((line) => `${line.label}: ${line.value.replace(/\n/gu, "\n  ")}`),
    `선관위 등록 확인: ${survey.registered ? "예" : "아니오"}`,
  ].join("\n");
}

/**
 * The schema's own messages by field (the first for each), for the editor to show next to the
 * fields what the server would refuse; empty when the survey passes.
 */
export function pollSurveyFieldErrors(survey: PollSurvey): Partial<Record<keyof PollSurvey, string>> {
  const parsed = pollSurveySchema.safeParse(survey);
  const errors: Partial<Record<keyof PollSurvey, string>> = {};
  if (parsed.success) return errors;
  for (const issue of parsed.error.issues) {
    const key = issue.path[0] as keyof PollSurvey | undefined;
    if (key !== undefined && !(key in errors)) errors[key] = issue.message;
  }
  return errors;
}
