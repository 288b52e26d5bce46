// The poll blackout's window (공직선거법 제108조 제1항) as the 선거관리위원회 counts it, in Korea time.
import { describe, expect, it } from "vitest";
import { isInPollBlackout, pollBlackoutWindow } from "@/lib/elections/poll-blackout";
import { emptyPollSurvey, pollSurveyLines, pollSurveyProblems } from "@/lib/elections/poll-survey";

describe("pollBlackoutWindow", () => {
  it("opens at 00:00 KST six days before election day and closes when voting ends", () => {
    // 제22대 국회의원선거 2024-04-10: 공표 금지 2024-04-04 00:00 ~ 04-10 18:00.
    expect(pollBlackoutWindow("2024-04-10", "18:00")).toEqual({ startsAt: new Date("2024-04-03T15:00:00Z"), endsAt: new Date("2024-04-10T09:00:00Z") });
    // 2021 재보궐선거 2021-04-07, voting until 20:00: from 04-01.
    expect(pollBlackoutWindow("2021-04-07", "20:00")).toEqual({ startsAt: new Date("2021-03-31T15:00:00Z"), endsAt: new Date("2021-04-07T11:00:00Z") });
    // Across a month and a year boundary.
    expect(pollBlackoutWindow("2028-04-03", "18:00").startsAt).toEqual(new Date("2028-03-27T15:00:00Z"));
    expect(pollBlackoutWindow("2029-01-02", "18:00").startsAt).toEqual(new Date("2028-12-26T15:00:00Z"));
  });

  it("is [start, end): the first minute is in, the closing minute is out", () => {
    const window = pollBlackoutWindow("2024-04-10", "18:00");
    expect(isInPollBlackout(window, new Date("2024-04-03T14:59:59.999Z"))).toBe(false);
    expect(isInPollBlackout(window, new Date("2024-04-03T15:00:00Z"))).toBe(true);
    expect(isInPollBlackout(window, new Date("2024-04-10T08:59:59.999Z"))).toBe(true);
    expect(isInPollBlackout(window, new Date("2024-04-10T09:00:00Z"))).toBe(false);
  });
});

describe("the particulars", () => {
  it("an empty first publication lacks all twelve items of 제18조 제1항 and the registration check", () => {
    expect(pollSurveyProblems(emptyPollSurvey("original")).map((problem) => problem.field)).toEqual([
      "sponsor", "pollster", "area", "fieldDates", "population", "method", "sampleSize", "samplingMethod", "responseRate", "weighting", "marginOfError", "questions", "registered",
    ]);
  });

  it("blank text counts as missing, and the box leaves blank lines out", () => {
    const survey = { ...emptyPollSurvey("cited"), sponsor: "  ", pollster: "한국갤럽", registered: true };
    expect(pollSurveyProblems(survey).map((problem) => problem.field)).toEqual(["sponsor", "fieldDates", "firstPublishedBy", "firstPublishedOn"]);
    expect(pollSurveyLines(survey)).toEqual([{ label: "조사기관", value: "한국갤럽" }]);
  });
});
