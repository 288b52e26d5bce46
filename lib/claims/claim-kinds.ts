// The words of the rights desk, named once, with the law each comes from. Shared with the browser
// (the claim form and the desk's screens): plain constants, no zod, no Node APIs.
import type { ClaimKind, ClaimStatus } from "@/lib/generated/prisma/enums";

export const CLAIM_KINDS = ["CORRECTION", "REPLY", "FOLLOW_UP", "TAKEDOWN"] as const satisfies readonly ClaimKind[];

export const CLAIM_KIND_KO: Record<ClaimKind, string> = {
  CORRECTION: "정정보도 청구",
  REPLY: "반론보도 청구",
  FOLLOW_UP: "추후보도 청구",
  TAKEDOWN: "삭제·임시조치 요청",
};

/** What each kind asks for, in the form's words, and where the right comes from. */
export const CLAIM_KIND_HELP: Record<ClaimKind, { law: string; help: string }> = {
  CORRECTION: { law: "언론중재법 제14조·제15조", help: "보도 내용이 사실과 달라 피해를 입었을 때, 진실에 맞게 고쳐 보도해 달라고 청구합니다." },
  REPLY: { law: "언론중재법 제16조", help: "보도 내용의 진실 여부와 상관없이, 그에 대한 반박 주장을 보도해 달라고 청구합니다." },
  FOLLOW_UP: { law: "언론중재법 제17조", help: "범죄 혐의나 형사상 조치를 받았다고 보도된 뒤 무죄 판결 등으로 끝났을 때, 그 사실을 보도해 달라고 청구합니다." },
  TAKEDOWN: { law: "정보통신망법 제44조의2", help: "기사나 댓글이 사생활 침해·명예훼손 등으로 권리를 침해할 때 삭제나 임시조치(최대 30일 차단)를 요청합니다." },
};

/** The notice readers see near the headline while a labelled claim is open. */
export const CLAIM_LABEL_KO: Record<ClaimKind, string> = {
  CORRECTION: "정정보도 청구가 접수된 기사입니다",
  REPLY: "반론보도 청구가 접수된 기사입니다",
  FOLLOW_UP: "추후보도 청구가 접수된 기사입니다",
  TAKEDOWN: "권리침해 신고가 접수된 기사입니다",
};

export const CLAIM_STATUS_KO: Record<ClaimStatus, string> = {
  RECEIVED: "접수",
  INFO_REQUESTED: "보완 요청",
  ACCEPTED: "수용",
  PUBLISHED: "게재 완료",
  REJECTED: "거부",
  MEDIATION: "언론중재위원회 조정 중",
  MEDIATED: "조정 종결",
  WITHDRAWN: "취하",
};

/** The claimant's relation to the story (언론중재법 제14조 제3항: a body's head may claim for it). */
export const CLAIM_RELATIONS = {
  self: "보도된 본인",
  agent: "본인의 대리인",
  organization: "보도된 기관·단체의 대표자",
  family: "사망한 사람의 유족 등 (제5조의2)",
  other: "그 밖의 관계",
} as const;
export type ClaimRelation = keyof typeof CLAIM_RELATIONS;

/**
 * 언론중재법 제15조 제4항: the only grounds on which a paper may refuse (제16조 제3항 and 제17조
 * apply them to replies and follow-ups too). A takedown request is refused for the desk's own reason.
 */
export const REJECTION_GROUNDS = {
  "no-interest": "피해자가 청구권을 행사할 정당한 이익이 없는 경우 (제15조 제4항 제1호)",
  "clearly-false": "청구된 보도의 내용이 명백히 사실과 다른 경우 (제2호)",
  "clearly-unlawful": "청구된 보도의 내용이 명백히 위법한 내용인 경우 (제3호)",
  "advertising": "청구가 상업적인 광고만을 목적으로 하는 경우 (제4호)",
  "public-proceedings": "국가·지방자치단체·공공단체의 공개회의나 법원의 공개재판 절차를 사실대로 보도한 것인 경우 (제5호)",
} as const;
export type RejectionGround = keyof typeof REJECTION_GROUNDS;

/** What the 언론중재위원회 may end a case with (its own guide to mediation outcomes). */
export const MEDIATION_OUTCOMES = {
  settled: "조정성립",
  decision: "조정을 갈음하는 결정 (직권조정결정)",
  "not-settled": "조정불성립",
  dismissed: "기각",
  inadmissible: "각하",
  withdrawn: "신청 취하",
} as const;
export type MediationOutcome = keyof typeof MEDIATION_OUTCOMES;

/** Attachments: PDF and images only, size-limited (lib/claims/claim-attachments.ts checks the bytes). */
export const ATTACHMENT_LIMITS = {
  maxFiles: 5,
  maxFileBytes: 5 * 1024 * 1024,
  maxTotalBytes: 10 * 1024 * 1024,
} as const;

/** The claim form's text limits, shared by the form (counters) and the server (zod). */
export const CLAIM_TEXT_LIMITS = {
  name: 50,
  email: 200,
  phone: 30,
  address: 200,
  relationDetail: 200,
  storyReference: 500,
  disputedPassage: 5000,
  requestedText: 5000,
  reason: 3000,
  supplement: 5000,
} as const;
