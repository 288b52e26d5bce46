// Election poll stories against a real PostgreSQL (공직선거법 제108조, 선거여론조사기준 제18조):
// a poll story goes to the desk and out only with its particulars; from 00:00 (Korea time) six
// days before an election the admin entered until voting ends, it can be neither published nor
// scheduled into that window (to the minute, at both edges), and the refusal names the rule; the
// particulars are frozen in the revision that goes live and printed in a box on the public page,
// never from a working copy or a story readers may not see (planted stories).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { PollSurveyBox } from "@/components/article/poll-survey-box";
import { getDeskReview } from "@/lib/articles/workflow/desk-review";
import { getArticleWithTransitions } from "@/lib/articles/newsroom-articles";
import { getPublicArticle } from "@/lib/articles/public/public-queries";
import { diffArticle, getRevision, listRevisions, restoreRevision } from "@/lib/articles/revisions/revision-history";
import { saveArticle } from "@/lib/articles/editor/edit-article";
import { approveArticle, cancelSchedule, rescheduleArticle, republishArticle, submitArticle, unpublishArticle } from "@/lib/articles/workflow/transitions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import { createElection, deleteElection, listElections } from "@/lib/elections/manage-elections";
import { emptyPollSurvey, NESDC_POINTER, type PollSurvey } from "@/lib/elections/poll-survey";
import { DomainError } from "@/lib/errors";
import { expectNoPlantedStory, plantStories } from "../support/planted-stories";
import { createStaff } from "../support/staff-fixtures";
import { submittableDraft, versionOf } from "../support/story-fixtures";

/** A poll as a paper prints it: every particular of 제18조 제1항. */
const SURVEY: PollSurvey = {
  ...emptyPollSurvey("original"),
  sponsor: "누리일보",
  pollster: "한국여론연구소",
  area: "경기도 고양시",
  fieldDates: "2027년 5월 20~21일",
  population: "고양시 거주 만 18세 이상 남녀",
  method: "무선 전화면접 100%",
  sampleSize: "1,003명",
  samplingMethod: "휴대전화 가상번호 무작위 추출",
  responseRate: "12.4%",
  weighting: "2027년 4월 말 주민등록 인구 기준 성·연령·지역별 셀가중",
  marginOfError: "95% 신뢰수준에 ±3.1%포인트",
  questions: "고양시장 후보 가운데 누구를 지지하십니까?",
  registered: true,
};

// 제9회 전국동시지방선거 as a test election: 2027-06-03, voting ends 18:00 KST.
// Window: 2027-05-28 00:00 KST (05-27 15:00Z) until 2027-06-03 18:00 KST (09:00Z).
const WINDOW_START = new Date("2027-05-27T15:00:00Z");
const WINDOW_END = new Date("2027-06-03T09:00:00Z");
const MINUTE = 60_000;
const LONG_BEFORE = new Date("2027-05-01T00:00:00Z");

let admin: StaffUser;
let editor: StaffUser;
let reporter: StaffUser;

beforeAll(async () => {
  [admin, editor, reporter] = await Promise.all([createStaff("ADMIN"), createStaff("EDITOR"), createStaff("REPORTER")]);
  await createElection(admin, { name: "제9회 전국동시지방선거", electionDay: "2027-06-03", votingEndsAt: "18:00" }, LONG_BEFORE);
});

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof DomainError ? { code: error.code, message: error.message } : { code: `unexpected: ${String(error)}`, message: "" }),
  );

/** A submitted poll story (or a plain one with `poll: null`), as the desk finds it. */
async function submittedStory(poll: PollSurvey | null = SURVEY, headline = "고양시장 선거 여론조사") {
  const draft = await submittableDraft(reporter, { headline, pollSurvey: poll });
  await submitArticle(reporter, draft.id, LONG_BEFORE);
  return db.article.findUniqueOrThrow({ where: { id: draft.id }, select: { id: true, version: true } });
}


describe("the particulars (선거여론조사기준 제18조)", () => {
  it("a poll story without its particulars cannot go to the desk; the refusal lists each missing one in Korean", async () => {
    const draft = await submittableDraft(reporter, { pollSurvey: { ...emptyPollSurvey("original"), sponsor: "누리일보" } });
    const refusal = await failureOf(submitArticle(reporter, draft.id, LONG_BEFORE));
    expect(refusal?.code).toBe("VALIDATION");
    for (const label of ["조사기관", "조사 일시", "조사 대상", "조사 방법", "표본 크기", "응답률", "표본오차", "질문 내용"]) expect(refusal?.message).toContain(label);
    expect(refusal?.message).not.toContain("조사 의뢰자.");
    expect(refusal?.message).toContain("공직선거법 제108조 제8항");
    expect((await db.article.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DRAFT");
    // Filled in, it goes.
    await saveArticle(reporter, draft.id, { version: await versionOf(draft.id), pollSurvey: SURVEY });
    await submitArticle(reporter, draft.id, LONG_BEFORE);
    expect((await db.article.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("SUBMITTED");
  });

  it("a story quoting a published poll needs its source instead of every particular", async () => {
    const cited = { ...emptyPollSurvey("cited"), sponsor: "한빛일보", pollster: "한국갤럽", fieldDates: "2027년 5월 18~19일", registered: true };
    const draft = await submittableDraft(reporter, { pollSurvey: cited });
    const refusal = await failureOf(submitArticle(reporter, draft.id, LONG_BEFORE));
    expect(refusal?.message).toContain("최초 공표·보도 매체");
    expect(refusal?.message).not.toContain("응답률");
    await saveArticle(reporter, draft.id, { version: await versionOf(draft.id), pollSurvey: { ...cited, firstPublishedBy: "한빛일보", firstPublishedOn: "2027년 5월 20일" } });
    await submitArticle(reporter, draft.id, LONG_BEFORE);
  });

  it("the desk cannot approve a poll story whose particulars were emptied after submission", async () => {
    const story = await submittedStory();
    await saveArticle(editor, story.id, { version: await versionOf(story.id), pollSurvey: { ...SURVEY, responseRate: "", marginOfError: " " } });
    const refusal = await failureOf(approveArticle(editor, story.id, { version: await versionOf(story.id) }, LONG_BEFORE));
    expect(refusal?.code).toBe("VALIDATION");
    expect(refusal?.message).toContain("여론조사 보도에 함께 실을 사항이 빠졌습니다");
    expect(refusal?.message).toContain("응답률");
    expect(refusal?.message).toContain("표본오차");
    expect((await db.article.findUniqueOrThrow({ where: { id: story.id } })).status).toBe("SUBMITTED");
  });
});

describe("the blackout (공직선거법 제108조 제1항), to the minute", () => {
  it("approval now: refused from the window's first minute until voting ends, allowed the minute before and at the closing time", async () => {
    const cases: [Date, boolean][] = [
      [new Date(WINDOW_START.getTime() - MINUTE), true],
      [WINDOW_START, false],
      [new Date(WINDOW_END.getTime() - MINUTE), false],
      [WINDOW_END, true],
    ];
    for (const [at, allowed] of cases) {
      const story = await submittedStory();
      const refusal = await failureOf(approveArticle(editor, story.id, { version: story.version }, at));
      if (allowed) {
        expect(refusal, at.toISOString()).toBeNull();
        expect((await db.article.findUniqueOrThrow({ where: { id: story.id } })).status).toBe("PUBLISHED");
      } else {
        expect(refusal?.code, at.toISOString()).toBe("CONFLICT");
        expect(refusal?.message).toContain("공직선거법 제108조 제1항");
        expect(refusal?.message).toContain("제9회 전국동시지방선거");
        expect(refusal?.message).toContain("2027-05-28 00:00");
        expect(refusal?.message).toContain("2027-06-03 18:00");
        const row = await db.article.findUniqueOrThrow({ where: { id: story.id } });
        expect(row.status).toBe("SUBMITTED");
        expect(row.liveRevisionId).toBeNull();
      }
    }
  });

  it("the review screen and the API say so before the click: the approve button carries the refusal inside the window", async () => {
    const story = await submittedStory();
    const inside = await getArticleWithTransitions(editor, story.id, WINDOW_START);
    const approve = inside.availableTransitions.find((verdict) => verdict.action === "approve");
    expect(approve).toMatchObject({ allowed: false });
    expect(approve && !approve.allowed && approve.reason).toContain("공직선거법 제108조 제1항");
    // Scheduling stays open: its time is chosen after the window.
    expect(inside.availableTransitions.find((verdict) => verdict.action === "schedule")?.allowed).toBe(true);
    const review = await getDeskReview(editor, story.id, new Date(WINDOW_START.getTime() - MINUTE));
    expect(review.transitions.find((verdict) => verdict.action === "approve")?.allowed).toBe(true);
  });

  it("scheduling into the window is refused at both edges; just outside it is allowed", async () => {
    const cases: [Date, boolean][] = [
      [new Date(WINDOW_START.getTime() - MINUTE), true],
      [WINDOW_START, false],
      [new Date(WINDOW_END.getTime() - MINUTE), false],
      [WINDOW_END, true],
    ];
    for (const [publishAt, allowed] of cases) {
      const story = await submittedStory();
      const refusal = await failureOf(approveArticle(editor, story.id, { version: story.version, publishAt: publishAt.toISOString() }, LONG_BEFORE));
      expect(refusal === null, publishAt.toISOString()).toBe(allowed);
      if (!allowed) expect(refusal?.message).toContain("공직선거법 제108조 제1항");
      expect((await db.article.findUniqueOrThrow({ where: { id: story.id } })).status).toBe(allowed ? "SCHEDULED" : "SUBMITTED");
    }
  });

  it("rescheduling a poll story into the window, and republishing one inside it, are refused", async () => {
    const story = await submittedStory();
    await approveArticle(editor, story.id, { version: story.version, publishAt: new Date(WINDOW_END.getTime() + 60 * MINUTE).toISOString() }, LONG_BEFORE);
    const moved = await failureOf(rescheduleArticle(editor, story.id, { version: await versionOf(story.id), publishAt: new Date(WINDOW_START.getTime() + 60 * MINUTE).toISOString() }, LONG_BEFORE));
    expect(moved?.message).toContain("공직선거법 제108조 제1항");
    await cancelSchedule(editor, story.id, { version: await versionOf(story.id) }, LONG_BEFORE);

    const live = await submittedStory();
    await approveArticle(editor, live.id, { version: live.version }, LONG_BEFORE);
    await unpublishArticle(editor, live.id, { version: await versionOf(live.id), reason: "조사 결과를 다시 확인합니다." }, LONG_BEFORE);
    const back = await failureOf(republishArticle(editor, live.id, { version: await versionOf(live.id), reason: "확인을 마쳤습니다." }, WINDOW_START));
    expect(back?.code).toBe("CONFLICT");
    expect(back?.message).toContain("공직선거법 제108조 제1항");
  });

  it("a story that is not a poll story goes out inside the window", async () => {
    const story = await submittedStory(null, "선거 당일 투표소 풍경");
    await approveArticle(editor, story.id, { version: story.version }, WINDOW_START);
    expect((await db.article.findUniqueOrThrow({ where: { id: story.id } })).status).toBe("PUBLISHED");
  });

  it("an election cannot be entered over a poll story already scheduled into its window; after the desk moves it, it can", async () => {
    const story = await submittedStory(SURVEY, "보궐선거 여론조사");
    // Scheduled for 2027-10-12 09:00 KST, before any election is known there.
    const publishAt = new Date("2027-10-12T00:00:00Z");
    await approveArticle(editor, story.id, { version: story.version, publishAt: publishAt.toISOString() }, LONG_BEFORE);
    const input = { name: "2027 재보궐선거", electionDay: "2027-10-13", votingEndsAt: "20:00" };
    const refusal = await failureOf(createElection(admin, input, LONG_BEFORE));
    expect(refusal?.code).toBe("CONFLICT");
    expect(refusal?.message).toContain("「보궐선거 여론조사」(2027-10-12 09:00)");
    await rescheduleArticle(editor, story.id, { version: await versionOf(story.id), publishAt: new Date("2027-10-13T11:00:00Z").toISOString() }, LONG_BEFORE);
    const election = await createElection(admin, input, LONG_BEFORE);
    expect(election.pollBlackoutStartsAt).toEqual(new Date("2027-10-06T15:00:00Z"));
    expect(election.votingEndsAt).toEqual(new Date("2027-10-13T11:00:00Z"));
    const audit = await db.auditLog.findMany({ where: { targetType: "Election", targetId: String(election.id) }, select: { action: true, actorId: true } });
    expect(audit).toEqual([{ action: "election.create", actorId: admin.id }]);
    await deleteElection(admin, { electionId: election.id });
    expect((await listElections(admin)).map((row) => row.name)).not.toContain("2027 재보궐선거");
  });

  it("bad election input is refused in Korean; editors may not enter elections", async () => {
    expect((await failureOf(createElection(admin, { name: "없는 날", electionDay: "2027-02-30" })))?.message).toContain("없는 날짜입니다");
    expect((await failureOf(createElection(admin, { name: "지난 선거", electionDay: "2024-04-10" })))?.message).toContain("이미 끝난 선거");
    expect((await failureOf(createElection(admin, { name: "", electionDay: "2030-06-05" })))?.message).toContain("선거 이름");
    expect((await failureOf(createElection(admin, { name: "시각", electionDay: "2030-06-05", votingEndsAt: "25:00" })))?.message).toContain("18:00 꼴");
    expect((await failureOf(createElection(editor, { name: "편집자", electionDay: "2030-06-05" })))?.code).toBe("FORBIDDEN");
  });
});

describe("the box and the revisions", () => {
  const boxHtml = (survey: PollSurvey) => renderToStaticMarkup(createElement(PollSurveyBox, { survey }));

  it("the live revision keeps the particulars as approved; the public page prints them in the box, not the working copy's later change", async () => {
    const story = await submittedStory();
    // Published now (before the test election's window), so readers see it today.
    await approveArticle(editor, story.id, { version: story.version });
    const article = await db.article.findUniqueOrThrow({ where: { id: story.id }, select: { liveRevisionId: true, version: true } });
    const live = await db.articleRevision.findUniqueOrThrow({ where: { id: article.liveRevisionId ?? "" } });
    expect(live.pollSurvey).toEqual(SURVEY);

    // A pending change to the particulars: readers keep the approved ones.
    await saveArticle(editor, story.id, { version: article.version, pollSurvey: { ...SURVEY, sampleSize: "2,006명 (미승인)" } });
    const page = await getPublicArticle(story.id);
    expect(page?.pollSurvey).toEqual(SURVEY);
    const html = boxHtml(page!.pollSurvey!);
    for (const value of ["여론조사 개요", "조사 의뢰자", "누리일보", "한국여론연구소", "1,003명", "12.4%", "±3.1%포인트", "고양시장 후보 가운데", NESDC_POINTER]) expect(html).toContain(value);
    expect(html).not.toContain("미승인");

    // Every revision carries its own particulars; restoring an old one brings them back.
    const revisions = await db.articleRevision.findMany({ where: { articleId: story.id }, orderBy: { number: "asc" }, select: { number: true, pollSurvey: true } });
    expect(revisions.at(-1)?.pollSurvey).toMatchObject({ sampleSize: "2,006명 (미승인)" });
    await restoreRevision(editor, story.id, live.number, { version: await versionOf(story.id) });
    expect((await db.article.findUniqueOrThrow({ where: { id: story.id }, select: { pollSurvey: true } })).pollSurvey).toEqual(SURVEY);
  });

  it("an impossible value is saved with the rest of the story but refused at approval with the field's Korean message; a change to the particulars is in the desk's diff and in the revision", async () => {
    const story = await submittedStory(SURVEY, "응답률 고침");
    await approveArticle(editor, story.id, { version: story.version });
    let version = await versionOf(story.id);
    for (const [field, value, message] of [
      ["responseRate", "120%", "응답률은 0%보다 크고 100% 이하여야 합니다."],
      ["sampleSize", "0명", "표본 크기는 1명 이상인 정수로 적어 주세요 (예: 1,003명)."],
    ] as const) {
      // A draft keeps whatever it holds: the headline sent with the value is not held back.
      await saveArticle(editor, story.id, { version, headline: `같이 보낸 제목 ${field}`, pollSurvey: { ...SURVEY, [field]: value } });
      version += 1;
      expect(await db.article.findUniqueOrThrow({ where: { id: story.id }, select: { headline: true, pollSurvey: true } })).toEqual({ headline: `같이 보낸 제목 ${field}`, pollSurvey: { ...SURVEY, [field]: value } });
      const refused = await approveArticle(editor, story.id, { version }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(DomainError);
      expect((refused as DomainError).message).toContain(message);
      // Readers still have the approved particulars.
      expect((await getPublicArticle(story.id))?.pollSurvey).toEqual(SURVEY);
    }

    await saveArticle(editor, story.id, { version, headline: "응답률 고침", pollSurvey: { ...SURVEY, responseRate: "10.2%" } });
    const { comparison } = await getDeskReview(editor, story.id);
    const poll = comparison?.fields.find((field) => field.field === "pollSurvey");
    expect(poll).toMatchObject({ label: "선거여론조사 표기", changed: true });
    expect(poll?.segments.filter((segment) => segment.kind !== "same")).toEqual([
      { kind: "removed", text: "12.4" },
      { kind: "added", text: "10.2" },
    ]);
    const [latest] = await listRevisions(editor, story.id);
    expect((await getRevision(editor, story.id, latest!.number)).pollSurvey).toEqual({ ...SURVEY, responseRate: "10.2%" });
    // Unflagged: every line shows as removed.
    await saveArticle(editor, story.id, { version: version + 1, pollSurvey: null });
    const unflagged = (await diffArticle(editor, story.id, { from: "live", to: "current" })).fields.find((field) => field.field === "pollSurvey");
    expect(unflagged?.segments.map((segment) => segment.kind)).toEqual(["removed"]);
    expect(unflagged?.segments[0]?.text).toContain("응답률: 12.4%");
  });

  it("a story quoting a poll prints its source first", () => {
    const html = boxHtml({ ...emptyPollSurvey("cited"), sponsor: "한빛일보", pollster: "한국갤럽", fieldDates: "5월 18~19일", firstPublishedBy: "한빛일보", firstPublishedOn: "2027년 5월 20일", registered: true });
    expect(html).toContain("인용한 여론조사 개요");
    expect(html.indexOf("최초 공표·보도 매체")).toBeLessThan(html.indexOf("조사 의뢰자"));
    expect(html).not.toContain("응답률");
  });

  it("no planted story's particulars reach a reader: only the public story's live revision prints its box", async () => {
    const planted = await plantStories(db);
    const surveyOf = (marker: string) => ({ ...SURVEY, sponsor: `${marker} 의뢰`, questions: `${marker} 질문` });
    for (const [kind, id] of Object.entries(planted.ids)) {
      const marker = kind === "published" ? planted.publishedMarker : planted.markers[kind as keyof typeof planted.markers];
      // The working copy always carries the marker; the live revision too, except pendingUpdate's (public).
      await db.article.update({ where: { id }, data: { pollSurvey: surveyOf(marker) } });
      const { liveRevisionId } = await db.article.findUniqueOrThrow({ where: { id }, select: { liveRevisionId: true } });
      if (liveRevisionId) await db.articleRevision.update({ where: { id: liveRevisionId }, data: { pollSurvey: kind === "pendingUpdate" ? surveyOf(planted.publishedMarker) : surveyOf(marker) } });
    }
    let seen = "";
    for (const id of Object.values(planted.ids)) {
      const page = await getPublicArticle(id);
      seen += JSON.stringify(page ?? null) + (page?.pollSurvey ? boxHtml(page.pollSurvey) : "");
    }
    expectNoPlantedStory(planted, seen, "the poll box");
    expect(seen).toContain(`${planted.publishedMarker} 의뢰`);
  });
});
