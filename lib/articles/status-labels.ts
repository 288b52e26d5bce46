import type { ArticleStatus } from "@/lib/generated/prisma/enums";

export const ARTICLE_STATUS_KO: Record<ArticleStatus, string> = {
  DRAFT: "작성 중",
  SUBMITTED: "데스크 검토 중",
  SCHEDULED: "예약 발행",
  PUBLISHED: "발행됨",
  UNPUBLISHED: "게재 중단",
};
