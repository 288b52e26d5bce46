// Which desk action a claim allows in which state, and where it leads: the one rule the desk's
// buttons are drawn from and the domain functions enforce. Pure, shared with the browser.
import type { ClaimKind, ClaimStatus } from "@/lib/generated/prisma/enums";

export const DESK_ACTIONS = ["accept", "reject", "request-info", "mediate", "mediation-outcome", "withdraw", "record-publication"] as const;
export type DeskAction = (typeof DESK_ACTIONS)[number];

export const DESK_ACTION_KO: Record<DeskAction, string> = {
  accept: "수용",
  reject: "거부",
  "request-info": "보완 요청",
  mediate: "언론중재위원회 조정",
  "mediation-outcome": "조정 결과 기록",
  withdraw: "취하 처리",
  "record-publication": "게재 기록",
};

const WAITING: ClaimStatus[] = ["RECEIVED", "INFO_REQUESTED"];

/** The states each action may start from. */
const FROM: Record<DeskAction, ClaimStatus[]> = {
  accept: WAITING,
  reject: WAITING,
  "request-info": WAITING,
  // The claimant may apply to the 언론중재위원회 before or after the paper answers (언론중재법 제18조).
  mediate: [...WAITING, "ACCEPTED", "REJECTED"],
  "mediation-outcome": ["MEDIATION"],
  withdraw: [...WAITING, "ACCEPTED", "MEDIATION"],
  "record-publication": ["ACCEPTED"],
};

const TO: Record<DeskAction, ClaimStatus> = {
  accept: "ACCEPTED",
  reject: "REJECTED",
  "request-info": "INFO_REQUESTED",
  mediate: "MEDIATION",
  "mediation-outcome": "MEDIATED",
  withdraw: "WITHDRAWN",
  "record-publication": "PUBLISHED",
};

/** Ends the claim: its label and comment closing end with it. */
export function isClosingStatus(status: ClaimStatus, kind: ClaimKind): boolean {
  // A takedown request is answered by the decision itself; the block is the 임시조치 feature's.
  if (status === "ACCEPTED") return kind === "TAKEDOWN";
  return status === "PUBLISHED" || status === "REJECTED" || status === "MEDIATED" || status === "WITHDRAWN";
}

/** Where `action` leads from a claim of `kind`, or null when the claim's state does not allow it. */
export function deskActionTarget(claim: { kind: ClaimKind; status: ClaimStatus }, action: DeskAction): ClaimStatus | null {
  if (claim.kind === "TAKEDOWN" && (action === "mediate" || action === "mediation-outcome" || action === "record-publication")) return null;
  if (claim.kind === "TAKEDOWN" && action === "withdraw" && claim.status === "ACCEPTED") return null;
  return FROM[action].includes(claim.status) ? TO[action] : null;
}

export function availableDeskActions(claim: { kind: ClaimKind; status: ClaimStatus }): DeskAction[] {
  return DESK_ACTIONS.filter((action) => deskActionTarget(claim, action) !== null);
}

/** Whether the reply clock (제15조 제2항) still runs: nothing has been answered yet. */
export function awaitsAnswer(status: ClaimStatus): boolean {
  return WAITING.includes(status);
}

/** Whether the publication clock (제15조 제3항) runs: accepted and not yet published. */
export function awaitsPublication(claim: { kind: ClaimKind; status: ClaimStatus }): boolean {
  return claim.status === "ACCEPTED" && claim.kind !== "TAKEDOWN";
}

/** Which correction types published on the story answer an accepted claim of each kind. */
export const ANSWERED_BY: Record<ClaimKind, readonly ("CORRECTION" | "REPLY")[]> = {
  CORRECTION: ["CORRECTION"],
  REPLY: ["REPLY"],
  // A follow-up (무죄 판결 등) is printed as a 정정 notice on the story, or recorded by hand when
  // it is a story of its own.
  FOLLOW_UP: ["CORRECTION"],
  TAKEDOWN: [],
};
