import type { CommentStatus } from "@/lib/generated/prisma/enums";

export const COMMENT_STATUS_KO: Record<CommentStatus, string> = { VISIBLE: "게시 중", HELD: "검토 대기", HIDDEN: "숨김", DELETED: "삭제" };

const REASON_KO: Record<string, string> = {
  "blocked-word": "금칙어",
  links: "링크 많음",
  reports: "신고 누적",
  desk: "데스크",
  banned: "작성자 차단",
  writer: "작성자 삭제",
};

/** Why a comment is held, hidden or deleted, in Korean. */
export function commentReasonLabel(reason: string | null): string | null {
  return reason ? (REASON_KO[reason] ?? reason) : null;
}
