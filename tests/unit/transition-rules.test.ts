// The whole transition table: every story state x every transition x every kind of person, each
// allowed or refused with its reason. Written out from the product rules (issue 8), not read from
// the rule itself, so a wrong cell fails here.
import { describe, expect, it } from "vitest";
import { availableTransitions, TRANSITION_ACTIONS, transitionVerdict, type TransitionAction, type TransitionSubject } from "@/lib/articles/workflow/transition-rules";
import type { Role } from "@/lib/generated/prisma/enums";

const NOW = new Date("2026-11-26T03:00:00Z");
const HOUR = 3_600_000;
const past = new Date(NOW.getTime() - HOUR);
const future = new Date(NOW.getTime() + HOUR);
const AUTHOR = "author";

const STATES = {
  draft: { status: "DRAFT", publishedAt: null, liveRevisionId: null, hasPendingUpdate: false },
  submitted: { status: "SUBMITTED", publishedAt: null, liveRevisionId: null, hasPendingUpdate: false },
  scheduledLater: { status: "SCHEDULED", publishedAt: future, liveRevisionId: "r1", hasPendingUpdate: false },
  scheduledLaterPending: { status: "SCHEDULED", publishedAt: future, liveRevisionId: "r1", hasPendingUpdate: true },
  scheduledDue: { status: "SCHEDULED", publishedAt: past, liveRevisionId: "r1", hasPendingUpdate: false },
  scheduledDuePending: { status: "SCHEDULED", publishedAt: past, liveRevisionId: "r1", hasPendingUpdate: true },
  published: { status: "PUBLISHED", publishedAt: past, liveRevisionId: "r1", hasPendingUpdate: false },
  publishedPending: { status: "PUBLISHED", publishedAt: past, liveRevisionId: "r1", hasPendingUpdate: true },
  unpublished: { status: "UNPUBLISHED", publishedAt: past, liveRevisionId: "r1", hasPendingUpdate: false },
  unpublishedNeverApproved: { status: "UNPUBLISHED", publishedAt: null, liveRevisionId: null, hasPendingUpdate: false },
} satisfies Record<string, Omit<TransitionSubject, "authorId">>;
type StateName = keyof typeof STATES;

const LABEL: Record<string, string> = { DRAFT: "작성 중", SUBMITTED: "데스크 검토 중", SCHEDULED: "예약 발행", PUBLISHED: "발행됨", UNPUBLISHED: "게재 중단" };
const here = (state: StateName) => `지금 상태(${LABEL[STATES[state].status]})`;

// The desk's reasons, by transition. "ok" = allowed.
const reason = {
  submit: (s: StateName) => `${here(s)}에서는 데스크에 넘길 수 없습니다. 작성 중인 기사만 넘길 수 있습니다.`,
  withdraw: (s: StateName) => `${here(s)}에서는 회수할 수 없습니다. 데스크 검토를 기다리는(승인 전) 기사만 회수할 수 있습니다.`,
  withdrawApproved: "데스크가 이미 승인한 기사라 회수할 수 없습니다. 고칠 것은 편집기에서 고쳐 수정 승인을 받거나 데스크에 게재 중단·예약 취소를 요청하세요.",
  return: (s: StateName) => `${here(s)}에서는 돌려보낼 수 없습니다. 데스크 검토 중인 기사만 돌려보낼 수 있습니다.`,
  approveNotSubmitted: (s: StateName) => `${here(s)}에서는 승인할 수 없습니다. 데스크 검토 중인 기사만 승인할 수 있습니다.`,
  alreadyApproved: "이미 승인된 기사입니다. 고친 내용은 수정 승인으로, 시각은 예약 시각 바꾸기로 처리하세요.",
  notScheduled: (s: StateName) => `${here(s)}에서는 예약을 바꿀 수 없습니다. 예약 발행된 기사만 됩니다.`,
  alreadyPublic: "예약 시각이 지나 이미 독자에게 공개된 기사입니다. 내리려면 게재 중단을 쓰세요.",
  notLive: (s: StateName) => `${here(s)}에서는 수정 승인을 할 수 없습니다. 승인되어 게재 중이거나 예약된 기사만 됩니다.`,
  nothingPending: "승인할 수정 사항이 없습니다. 독자가 보는 판과 지금 원고가 같습니다.",
  unpublish: (s: StateName) => `${here(s)}에서는 게재를 중단할 수 없습니다. 게재 중이거나 예약된 기사만 내릴 수 있습니다.`,
  republish: (s: StateName) => `${here(s)}에서는 다시 게재할 수 없습니다. 게재 중단된 기사만 됩니다.`,
  neverApproved: "승인된 판이 없어 다시 게재할 수 없습니다. 데스크 검토를 거쳐 승인하세요.",
};

/** What the desk (EDITOR and ADMIN alike) gets, state by state. */
function deskExpectation(state: StateName): Record<TransitionAction, "ok" | string> {
  const s = STATES[state];
  const live = s.liveRevisionId !== null && (s.status === "PUBLISHED" || s.status === "SCHEDULED");
  const scheduledLater = state === "scheduledLater" || state === "scheduledLaterPending";
  return {
    submit: state === "draft" ? "ok" : reason.submit(state),
    withdraw: state === "submitted" ? "ok" : live ? reason.withdrawApproved : reason.withdraw(state),
    return: state === "submitted" ? "ok" : reason.return(state),
    approve: state === "submitted" ? "ok" : live ? reason.alreadyApproved : reason.approveNotSubmitted(state),
    schedule: state === "submitted" ? "ok" : live ? reason.alreadyApproved : reason.approveNotSubmitted(state),
    reschedule: scheduledLater ? "ok" : state === "scheduledDue" || state === "scheduledDuePending" ? reason.alreadyPublic : reason.notScheduled(state),
    cancelSchedule: scheduledLater ? "ok" : state === "scheduledDue" || state === "scheduledDuePending" ? reason.alreadyPublic : reason.notScheduled(state),
    approveUpdate: !live ? reason.notLive(state) : s.hasPendingUpdate ? "ok" : reason.nothingPending,
    unpublish: live ? "ok" : reason.unpublish(state),
    republish: state === "unpublished" ? "ok" : state === "unpublishedNeverApproved" ? reason.neverApproved : reason.republish(state),
  };
}

const DESK_ONLY_LABEL: Record<Exclude<TransitionAction, "submit" | "withdraw">, string> = {
  return: "돌려보내기",
  approve: "승인하고 지금 발행",
  schedule: "승인하고 예약 발행",
  reschedule: "예약 시각 바꾸기",
  cancelSchedule: "예약 취소",
  approveUpdate: "수정 승인",
  unpublish: "게재 중단",
  republish: "다시 게재",
};

const NOT_OWN = { submit: "자기 기사만 데스크에 넘길 수 있습니다.", withdraw: "자기 기사만 회수할 수 있습니다. 데스크가 기자에게 되돌리려면 돌려보내기를 쓰세요." };

/** A reporter: only submitting and withdrawing (회수), only their own stories; the desk's transitions never. */
function reporterExpectation(state: StateName, own: boolean): Record<TransitionAction, "ok" | string> {
  const desk = deskExpectation(state);
  const out = { submit: own ? desk.submit : NOT_OWN.submit, withdraw: own ? desk.withdraw : NOT_OWN.withdraw } as Record<TransitionAction, string>;
  for (const [action, label] of Object.entries(DESK_ONLY_LABEL)) out[action as TransitionAction] = `이 작업(${label})은 데스크(편집자)만 할 수 있습니다.`;
  return out;
}

const PEOPLE: { who: string; role: Role; id: string; expect: (state: StateName) => Record<TransitionAction, string> }[] = [
  { who: "the reporter who wrote it", role: "REPORTER", id: AUTHOR, expect: (state) => reporterExpectation(state, true) },
  { who: "another reporter", role: "REPORTER", id: "someone-else", expect: (state) => reporterExpectation(state, false) },
  // Handing a story to the desk, and taking it back, are its writer's acts: the desk is never
  // offered them on a reporter's story (the desk returns it instead), only on its own.
  { who: "an editor", role: "EDITOR", id: "desk", expect: (state) => ({ ...deskExpectation(state), ...NOT_OWN }) },
  { who: "an admin", role: "ADMIN", id: "chief", expect: (state) => ({ ...deskExpectation(state), ...NOT_OWN }) },
  { who: "an editor who wrote it", role: "EDITOR", id: AUTHOR, expect: deskExpectation },
];

describe("the transition table", () => {
  for (const state of Object.keys(STATES) as StateName[]) {
    for (const person of PEOPLE) {
      it(`${state}, as ${person.who}`, () => {
        const article: TransitionSubject = { ...STATES[state], authorId: AUTHOR } as TransitionSubject;
        const actual = Object.fromEntries(
          availableTransitions({ id: person.id, role: person.role }, article, NOW).map((verdict) => [verdict.action, verdict.allowed ? "ok" : verdict.reason]),
        );
        expect(actual).toEqual(person.expect(state));
      });
    }
  }

  it("lists every transition once, in a fixed order", () => {
    const actions = availableTransitions({ id: "desk", role: "EDITOR" }, { ...STATES.draft, authorId: AUTHOR } as TransitionSubject, NOW).map((verdict) => verdict.action);
    expect(actions).toEqual([...TRANSITION_ACTIONS]);
  });

  it("a refusal says whether it is about the person (403) or the story's state (409)", () => {
    const submitted = { ...STATES.submitted, authorId: AUTHOR } as TransitionSubject;
    expect(transitionVerdict({ id: AUTHOR, role: "REPORTER" }, submitted, "approve", NOW)).toMatchObject({ allowed: false, refusal: "FORBIDDEN" });
    expect(transitionVerdict({ id: "desk", role: "EDITOR" }, submitted, "submit", NOW)).toMatchObject({ allowed: false, refusal: "FORBIDDEN" });
    expect(transitionVerdict({ id: AUTHOR, role: "EDITOR" }, submitted, "submit", NOW)).toMatchObject({ allowed: false, refusal: "CONFLICT" });
  });

  it("a scheduled story stops being movable the moment its time comes", () => {
    const at = new Date(NOW.getTime() + 60_000);
    const article = { ...STATES.scheduledLater, publishedAt: at, authorId: AUTHOR } as TransitionSubject;
    expect(transitionVerdict({ id: "desk", role: "EDITOR" }, article, "reschedule", new Date(at.getTime() - 1)).allowed).toBe(true);
    expect(transitionVerdict({ id: "desk", role: "EDITOR" }, article, "reschedule", at).allowed).toBe(false);
  });
});
