// The one rule for moving a story through the desk: which transitions a person may make on a
// story right now, and if not, why (in Korean). The workflow (lib/articles/workflow/transitions.ts) enforces
// exactly this, and the review screen and the API draw their buttons and `availableTransitions`
// from it, so what is offered and what is allowed cannot disagree.
//
//   DRAFT --submit--> SUBMITTED --approve--> PUBLISHED --unpublish--> UNPUBLISHED --republish--> PUBLISHED
//     ^                 |  ^     --schedule-> SCHEDULED (public by itself when its time comes)
//     |---return(note)--|  |---cancelSchedule--|  (reschedule moves the time, until it comes)
//     |---withdraw------|  (the reporter takes it back before approval: 회수)
//   A live story (PUBLISHED, or SCHEDULED) whose working copy changed has a pending update:
//   approveUpdate makes it live (as 수정, 정정 or 반론 once readers have seen the story).
//
// Pure and free of Node APIs: the unit test runs the whole table (tests/unit/transition-rules.test.ts).
import { can, PERMISSIONS, type Action } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { ARTICLE_STATUS_KO } from "@/lib/articles/workflow/status-labels";
import { isLive, isPubliclyVisible } from "@/lib/articles/public/visibility";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import { isInPollBlackout, pollBlackoutMessage, type PollBlackout } from "@/lib/elections/poll-blackout";

export const TRANSITION_ACTIONS = ["submit", "withdraw", "return", "approve", "schedule", "reschedule", "cancelSchedule", "approveUpdate", "unpublish", "republish"] as const;
export type TransitionAction = (typeof TRANSITION_ACTIONS)[number];

const TRANSITION_LABELS: Record<TransitionAction, string> = {
  submit: "데스크에 넘기기",
  withdraw: "회수",
  return: "돌려보내기",
  approve: "승인하고 지금 발행",
  schedule: "승인하고 예약 발행",
  reschedule: "예약 시각 바꾸기",
  cancelSchedule: "예약 취소",
  approveUpdate: "수정 승인",
  unpublish: "게재 중단",
  republish: "다시 게재",
};

/** Which permission of lib/auth/permissions.ts each transition needs. */
const TRANSITION_PERMISSION: Record<TransitionAction, Action> = {
  submit: "article.submit",
  // Only one's own story, as for submitting: the desk sends a story back with `return` instead.
  withdraw: "article.submit",
  return: "article.return",
  approve: "article.approve",
  schedule: "article.approve",
  reschedule: "article.approve",
  cancelSchedule: "article.approve",
  approveUpdate: "article.approve",
  unpublish: "article.unpublish",
  republish: "article.approve",
};

/** What the rule needs to know about a story. */
export interface TransitionSubject {
  status: ArticleStatus;
  authorId: string;
  publishedAt: Date | null;
  liveRevisionId: string | null;
  hasPendingUpdate: boolean;
  /**
   * For a story flagged as an election poll story (its working copy or its live revision): the
   * elections' blackouts still ahead (lib/elections/poll-blackouts.ts). Absent for other stories.
   */
  pollStoryBlackouts?: readonly PollBlackout[];
}

export type TransitionVerdict =
  | { action: TransitionAction; label: string; allowed: true }
  | { action: TransitionAction; label: string; allowed: false; refusal: "FORBIDDEN" | "CONFLICT"; reason: string };

/** Why `actor` may not make this transition on this story at all (role or ownership), or null. */
export function permissionRefusal(actor: Pick<StaffUser, "id" | "role">, article: Pick<TransitionSubject, "authorId">, action: TransitionAction): string | null {
  const permission = TRANSITION_PERMISSION[action];
  if (can(actor, permission, { ownerId: article.authorId })) return null;
  if (PERMISSIONS[permission][actor.role] === "own") return action === "withdraw" ? "자기 기사만 회수할 수 있습니다. 데스크가 기자에게 되돌리려면 돌려보내기를 쓰세요." : "자기 기사만 데스크에 넘길 수 있습니다.";
  return `이 작업(${TRANSITION_LABELS[action]})은 데스크(편집자)만 할 수 있습니다.`;
}

/** Whether a role may ever make this transition, on anyone's story (to refuse before reading input). */
export function roleMayEver(actor: Pick<StaffUser, "role">, action: TransitionAction): boolean {
  return PERMISSIONS[TRANSITION_PERMISSION[action]][actor.role] !== "none";
}

/**
 * Why a poll story may not go before readers at `at`: it falls inside an election's blackout
 * (공직선거법 제108조 제1항, lib/elections/poll-blackout.ts). Null for other stories. The workflow
 * asks it for every move that puts a story out (approve, schedule, reschedule, approve an update,
 * republish) with the time it goes out, under a lock the elections' changes take too.
 */
export function pollBlackoutRefusal(article: Pick<TransitionSubject, "pollStoryBlackouts">, at: Date): string | null {
  const blackout = article.pollStoryBlackouts?.find((window) => isInPollBlackout(window, at));
  return blackout ? pollBlackoutMessage(blackout, at) : null;
}

/** The moves that put a story before readers now (scheduling's time is chosen later, and checked then). */
function goesOutNow(article: TransitionSubject, action: TransitionAction, now: Date): boolean {
  return action === "approve" || action === "republish" || (action === "approveUpdate" && isPubliclyVisible(article, now));
}

/** Why the story's state does not allow this transition now, or null. */
export function stateRefusal(article: TransitionSubject, action: TransitionAction, now: Date): string | null {
  return workflowStateRefusal(article, action, now) ?? (goesOutNow(article, action, now) ? pollBlackoutRefusal(article, now) : null);
}

function workflowStateRefusal(article: TransitionSubject, action: TransitionAction, now: Date): string | null {
  const here = `지금 상태(${ARTICLE_STATUS_KO[article.status]})`;
  const visible = isPubliclyVisible(article, now);
  switch (action) {
    case "submit":
      return article.status === "DRAFT" ? null : `${here}에서는 데스크에 넘길 수 없습니다. 작성 중인 기사만 넘길 수 있습니다.`;
    case "withdraw":
      if (article.status === "SUBMITTED") return null;
      if (isLive(article)) return "데스크가 이미 승인한 기사라 회수할 수 없습니다. 고칠 것은 편집기에서 고쳐 수정 승인을 받거나 데스크에 게재 중단·예약 취소를 요청하세요.";
      return `${here}에서는 회수할 수 없습니다. 데스크 검토를 기다리는(승인 전) 기사만 회수할 수 있습니다.`;
    case "return":
      return article.status === "SUBMITTED" ? null : `${here}에서는 돌려보낼 수 없습니다. 데스크 검토 중인 기사만 돌려보낼 수 있습니다.`;
    case "approve":
    case "schedule":
      if (article.status === "SUBMITTED") return null;
      if (isLive(article)) return "이미 승인된 기사입니다. 고친 내용은 수정 승인으로, 시각은 예약 시각 바꾸기로 처리하세요.";
      return `${here}에서는 승인할 수 없습니다. 데스크 검토 중인 기사만 승인할 수 있습니다.`;
    case "reschedule":
    case "cancelSchedule":
      if (article.status !== "SCHEDULED" || !isLive(article)) return `${here}에서는 예약을 바꿀 수 없습니다. 예약 발행된 기사만 됩니다.`;
      if (visible) return "예약 시각이 지나 이미 독자에게 공개된 기사입니다. 내리려면 게재 중단을 쓰세요.";
      return null;
    case "approveUpdate":
      if (!isLive(article)) return `${here}에서는 수정 승인을 할 수 없습니다. 승인되어 게재 중이거나 예약된 기사만 됩니다.`;
      if (!article.hasPendingUpdate) return "승인할 수정 사항이 없습니다. 독자가 보는 판과 지금 원고가 같습니다.";
      return null;
    case "unpublish":
      return isLive(article) ? null : `${here}에서는 게재를 중단할 수 없습니다. 게재 중이거나 예약된 기사만 내릴 수 있습니다.`;
    case "republish":
      if (article.status !== "UNPUBLISHED") return `${here}에서는 다시 게재할 수 없습니다. 게재 중단된 기사만 됩니다.`;
      if (article.liveRevisionId === null) return "승인된 판이 없어 다시 게재할 수 없습니다. 데스크 검토를 거쳐 승인하세요.";
      return null;
  }
}

/** One transition, allowed or refused with its reason. */
export function transitionVerdict(actor: Pick<StaffUser, "id" | "role">, article: TransitionSubject, action: TransitionAction, now: Date): TransitionVerdict {
  const label = TRANSITION_LABELS[action];
  const forbidden = permissionRefusal(actor, article, action);
  if (forbidden) return { action, label, allowed: false, refusal: "FORBIDDEN", reason: forbidden };
  const blocked = stateRefusal(article, action, now);
  if (blocked) return { action, label, allowed: false, refusal: "CONFLICT", reason: blocked };
  return { action, label, allowed: true };
}

/** Every transition, in a fixed order, each allowed or refused with its reason. */
export function availableTransitions(actor: Pick<StaffUser, "id" | "role">, article: TransitionSubject, now: Date): TransitionVerdict[] {
  return TRANSITION_ACTIONS.map((action) => transitionVerdict(actor, article, action, now));
}
