// The particulars an election poll story must carry (공직선거법 제108조 제6항: "선거여론조사기준으로
// 정하는 사항을 함께 공표 또는 보도하여야"; 선거여론조사기준 제18조, 중앙선거여론조사심의위원회).
// 제18조 제1항 lists what goes with a first publication (조사 의뢰자, 조사기관·단체명, 조사 지역,
// 조사 일시, 조사 대상, 조사 방법, 표본의 크기, 피조사자 선정 방법, 응답률, 가중값 산출 및 적용
// 방법, 표본오차, 질문 내용); 제3항 what goes with a story quoting a poll already published (where
// it first appeared, and a pointer to the commission's site). Sources and wording: docs. Stored on
// the story (Article.pollSurvey) and its revisions; checked at submission and approval; printed in
// a box at the end of the story. Pure and browser-safe.
import { z } from "zod";
import { safeText } from "@/lib/schemas/common";

/** First publication of a poll the paper commissioned or received (제18조 제1항), or a story quoting one already published (제18조 제3항). */
type PollSurveyKind = "original" | "cited";

/** Each particular, in the order of 제18조 제1항, with the label printed in the box. */
const POLL_SURVEY_FIELDS = [
  { key: "sponsor", label: "조사 의뢰자", hint: "예: 누리일보" },
  { key: "pollster", label: "조사기관", hint: "예: 한국여론연구소" },
  { key: "area", label: "조사 지역", hint: "예: 경기도 고양시" },
  { key: "fieldDates", label: "조사 일시", hint: "예: 2028년 3월 30~31일" },
  { key: "population", label: "조사 대상", hint: "예: 고양시 거주 만 18세 이상 남녀" },
  { key: "method", label: "조사 방법", hint: "예: 무선 전화면접 100%" },
  { key: "sampleSize", label: "표본 크기", hint: "예: 1,003명" },
  { key: "samplingMethod", label: "피조사자 선정 방법", hint: "예: 휴대전화 가상번호 무작위 추출 (무선 100%)" },
  { key: "responseRate", label: "응답률", hint: "예: 12.4%" },
  { key: "weighting", label: "가중값 산출 및 적용 방법", hint: "예: 2028년 2월 말 행정안전부 주민등록 인구 기준 성·연령·지역별 셀가중" },
  { key: "marginOfError", label: "표본오차", hint: "예: 95% 신뢰수준에 ±3.1%포인트" },
  { key: "questions", label: "질문 내용", hint: "조사에서 물은 그대로, 문항마다 한 줄" },
] as const;

export type PollSurveyField = (typeof POLL_SURVEY_FIELDS)[number]["key"];

/** What a story quoting a published poll adds (제18조 제3항 제1호: 최초 공표·보도 출처). */
const POLL_CITATION_FIELDS = [
  { key: "firstPublishedBy", label: "최초 공표·보도 매체", hint: "예: 한빛일보" },
  { key: "firstPublishedOn", label: "최초 공표·보도 일자", hint: "예: 2028년 4월 1일" },
] as const;

type CitationField = (typeof POLL_CITATION_FIELDS)[number]["key"];

/** A quoting story still names who commissioned and ran the poll and when (commission's guidance). */
const CITED_REQUIRED: readonly (PollSurveyField | CitationField)[] = ["sponsor", "pollster", "fieldDates", "firstPublishedBy", "firstPublishedOn"];

/** The sentence every box ends with (제18조 제3항 제2호; added to first publications too, as papers do). */
export const NESDC_POINTER = "그 밖의 사항은 중앙선거여론조사심의위원회 홈페이지(www.nesdc.go.kr)를 참조하십시오.";

const text = (max: number) => safeText({ max, maxMessage: `여론조사 항목은 ${max}자 이하로 적어 주세요.` }).default("");

/**
 * The particulars as the editor saves them: every field may still be empty while the reporter
 * writes (a draft is saved whatever it lacks); `pollSurveyProblems` says what is missing.
 */
export const pollSurveySchema = z.object({
  kind: z.enum(["original", "cited"], { error: "여론조사 보도의 종류(최초 공표·인용)를 고르세요." }).default("original"),
  ...(Object.fromEntries(POLL_SURVEY_FIELDS.map((field) => [field.key, text(field.key === "questions" ? 3000 : 300)])) as Record<PollSurveyField, ReturnType<typeof text>>),
  ...(Object.fromEntries(POLL_CITATION_FIELDS.map((field) => [field.key, text(200)])) as Record<CitationField, ReturnType<typeof text>>),
  /** 제108조 제8항 제1호: only polls registered on the commission's site may be published. */
  registered: z.boolean({ error: "등록 확인은 예 또는 아니오로 보내세요." }).default(false),
});

export type PollSurvey = z.output<typeof pollSurveySchema>;

/** An empty survey of a kind: what the editor starts from when a story is flagged. */
export function emptyPollSurvey(kind: PollSurveyKind = "original"): PollSurvey {
  return pollSurveySchema.parse({ kind });
}

export interface PollSurveyProblem {
  field: PollSurveyField | CitationField | "registered";
  message: string;
}

/** What the poll story still lacks before it may go to the desk or out (empty when nothing). */
export function pollSurveyProblems(survey: PollSurvey): PollSurveyProblem[] {
  const required: { key: PollSurveyField | CitationField; label: string }[] =
    survey.kind === "original"
      ? [...POLL_SURVEY_FIELDS]
      : [...POLL_SURVEY_FIELDS, ...POLL_CITATION_FIELDS].filter((field) => CITED_REQUIRED.includes(field.key));
  const problems: PollSurveyProblem[] = required.filter((field) => survey[field.key].trim() === "").map((field) => ({ field: field.key, message: `여론조사 항목을 채우세요: ${field.label}.` }));
  if (!survey.registered) {
    problems.push({ field: "registered", message: "중앙선거여론조사심의위원회 홈페이지에 등록된 조사인지 확인하세요 (공직선거법 제108조 제8항)." });
  }
  return problems;
}

/** The lines the box prints, in order, for the survey's kind (empty fields left out). */
export function pollSurveyLines(survey: PollSurvey): { label: string; value: string }[] {
  const fields = survey.kind === "original" ? [...POLL_SURVEY_FIELDS] : [...POLL_CITATION_FIELDS, ...POLL_SURVEY_FIELDS];
  return fields.map((field) => ({ label: field.label, value: survey[field.key].trim() })).filter((line) => line.value !== "");
}
