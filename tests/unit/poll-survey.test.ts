// The particulars' value rules (one zod schema for the editor and the API), the editor's field
// list per kind, the schema's messages by field, and the text the desk's diff compares.
import { describe, expect, it } from "vitest";
import { emptyPollSurvey, pollSurveyAsText, pollSurveyFieldErrors, pollSurveyFormFields, pollSurveyProblems, pollSurveySchema, type PollSurvey } from "@/lib/elections/poll-survey";
import { storedPollSurvey } from "@/lib/elections/stored-poll-survey";

const SURVEY: PollSurvey = {
  ...emptyPollSurvey("original"),
  sponsor: "누리일보",
  pollster: "한국여론연구소",
  area: "경기도 고양시",
  fieldDates: "2028년 3월 30~31일",
  population: "고양시 거주 만 18세 이상 남녀",
  method: "무선 전화면접 100%",
  sampleSize: "1,003명",
  samplingMethod: "휴대전화 가상번호 무작위 추출",
  responseRate: "12.4%",
  weighting: "셀가중",
  marginOfError: "95% 신뢰수준에 ±3.1%포인트",
  questions: "고양시장 후보 가운데 누구를 지지하십니까?\n지지 정당은 어디입니까?",
  registered: true,
};

describe("the value rules", () => {
  it.each([
    ["sampleSize", "0명", "표본 크기는 1명 이상인 정수로 적어 주세요 (예: 1,003명)."],
    ["sampleSize", "0", "표본 크기는 1명 이상인 정수로 적어 주세요 (예: 1,003명)."],
    ["sampleSize", "천 명", "표본 크기는 숫자로 적어 주세요 (예: 1,003명)."],
    ["sampleSize", "1003.5명", "표본 크기는 1명 이상인 정수로 적어 주세요 (예: 1,003명)."],
    ["responseRate", "120%", "응답률은 0%보다 크고 100% 이하여야 합니다."],
    ["responseRate", "0%", "응답률은 0%보다 크고 100% 이하여야 합니다."],
    ["responseRate", "무선 12.4%, 유선 105%", "응답률은 0%보다 크고 100% 이하여야 합니다."],
    ["responseRate", "１２０％", "응답률은 0%보다 크고 100% 이하여야 합니다."],
    ["responseRate", "모름", "응답률은 숫자로 적어 주세요 (예: 12.4%)."],
  ] as const)("%s %j is refused with a Korean message on the field", (field, value, message) => {
    const parsed = pollSurveySchema.safeParse({ ...SURVEY, [field]: value });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([[field, message]]);
    expect(pollSurveyFieldErrors({ ...SURVEY, [field]: value })).toEqual({ [field]: message });
  });

  it.each([
    ["sampleSize", "1,003명"],
    ["sampleSize", "1003"],
    ["sampleSize", "1,003명 (무선 803명, 유선 200명)"],
    ["sampleSize", "１，００３명"],
    ["responseRate", "12.4%"],
    ["responseRate", "100%"],
    ["responseRate", "12.4 % (8,089명 중 1,003명 응답)"],
    ["responseRate", "무선 12.4%, 유선 5.1%"],
    ["responseRate", "12.4"],
    // Empty: a draft may still lack it (the submission check says so).
    ["responseRate", ""],
    ["sampleSize", "   "],
  ] as const)("%s %j passes", (field, value) => {
    expect(pollSurveySchema.safeParse({ ...SURVEY, [field]: value }).success).toBe(true);
    expect(pollSurveyFieldErrors({ ...SURVEY, [field]: value })).toEqual({});
  });

  it("a value stored before a rule existed is read back as it was, and named at submission", () => {
    const stored = storedPollSurvey({ ...SURVEY, responseRate: "120%" });
    expect(stored?.responseRate).toBe("120%");
    expect(pollSurveyProblems(stored!)).toEqual([{ field: "responseRate", message: "응답률은 0%보다 크고 100% 이하여야 합니다." }]);
    expect(pollSurveyProblems(SURVEY)).toEqual([]);
  });

  it("the length limit is the schema's too", () => {
    expect(pollSurveyFieldErrors({ ...SURVEY, sponsor: "가".repeat(301) })).toEqual({ sponsor: "여론조사 항목은 300자 이하로 적어 주세요." });
    expect(pollSurveyFieldErrors({ ...SURVEY, questions: "가".repeat(3000) })).toEqual({});
  });
});

describe("the editor's fields", () => {
  it("a first publication asks for all twelve items of 제18조 제1항, in its order", () => {
    const fields = pollSurveyFormFields("original");
    expect(fields.map((field) => field.key)).toEqual(["sponsor", "pollster", "area", "fieldDates", "population", "method", "sampleSize", "samplingMethod", "responseRate", "weighting", "marginOfError", "questions"]);
    expect(fields.every((field) => field.required)).toBe(true);
    expect(fields.find((field) => field.key === "questions")?.max).toBe(3000);
  });

  it("a quoting story shows where the poll first appeared first, and requires only what the guidance asks", () => {
    const fields = pollSurveyFormFields("cited");
    expect(fields.slice(0, 2).map((field) => field.label)).toEqual(["최초 공표·보도 매체", "최초 공표·보도 일자"]);
    expect(fields.filter((field) => field.required).map((field) => field.key)).toEqual(["firstPublishedBy", "firstPublishedOn", "sponsor", "pollster", "fieldDates"]);
  });
});

describe("pollSurveyAsText", () => {
  it("is empty for a story that is not a poll story", () => {
    expect(pollSurveyAsText(null)).toBe("");
  });

  it("gives the kind, each filled item as the box prints it, and the registration check, a line each", () => {
    expect(pollSurveyAsText({ ...emptyPollSurvey("cited"), pollster: "한국갤럽", firstPublishedBy: "한빛일보" })).toBe(
      ["종류: 인용 보도 (제18조 제3항)", "최초 공표·보도 매체: 한빛일보", "조사기관: 한국갤럽", "선관위 등록 확인: 아니오"].join("\n"),
    );
    const text = pollSurveyAsText(SURVEY);
    expect(text.split("\n")[0]).toBe("종류: 최초 공표 (제18조 제1항)");
    expect(text).toContain("응답률: 12.4%\n");
    expect(text).toContain("질문 내용: 고양시장 후보 가운데 누구를 지지하십니까?\n  지지 정당은 어디입니까?\n");
    expect(text.endsWith("선관위 등록 확인: 예")).toBe(true);
  });
});
