// The Korean words the newsroom's portal screens use for kinds, actions and states.
import type { PortalAction, PortalDestinationKind, PortalTransmissionStatus } from "@/lib/generated/prisma/enums";

export const KIND_KO: Record<PortalDestinationKind, string> = { PUSH: "푸시 (ninjs)", PULL: "풀 피드", INDEXNOW: "IndexNow" };

export const ACTION_KO: Record<PortalAction, string> = { NEW: "신규", UPDATE: "수정", DELETE: "삭제" };

export const STATUS_KO: Record<PortalTransmissionStatus, string> = {
  PENDING: "대기",
  SENDING: "보내는 중",
  SENT: "송고됨",
  DEAD: "실패 (확인 필요)",
  HELD: "보류",
  CANCELLED: "취소",
  REFUSED: "규칙상 안 보냄",
};

export const STATUSES = Object.keys(STATUS_KO) as PortalTransmissionStatus[];
export const ACTIONS = Object.keys(ACTION_KO) as PortalAction[];
