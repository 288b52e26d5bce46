import type { ArticleStatus } from "@/lib/generated/prisma/enums";

export const ARTICLE_STATUS_KO: Record<ArticleStatus, string> = {
  DRAFT: "작성 중",
  SUBMITTED: "데스크 검토 중",
  SCHEDULED: "예약 발행",
  PUBLISHED: "발행됨",
  UNPUBLISHED: "게재 중단",
};

/** The label for a story's state right now: a scheduled story whose time has come is published. */
export function articleStatusLabel(article: { status: ArticleStatus; publishedAt: Date | null }, now = new Date()): string {
  if (article.status === "SCHEDULED" && article.publishedAt && article.publishedAt <= now) return ARTICLE_STATUS_KO.PUBLISHED;
  return ARTICLE_STATUS_KO[article.status];
}
