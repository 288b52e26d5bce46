import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The one rule for "readers may see this story": approved (it has a live revision), published or
 * scheduled, and its publication time has come. A scheduled story thus appears by itself at its
 * time, and is invisible everywhere before it.
 */
export function publiclyVisibleWhere(now: Date): Prisma.ArticleWhereInput {
  return {
    status: { in: ["PUBLISHED", "SCHEDULED"] },
    publishedAt: { lte: now },
    liveRevisionId: { not: null },
  };
}

/** The same rule as `publiclyVisibleWhere`, for a story already loaded. */
export function isPubliclyVisible(article: { status: string; publishedAt: Date | null; liveRevisionId: string | null }, now: Date): boolean {
  return (
    (article.status === "PUBLISHED" || article.status === "SCHEDULED") &&
    article.publishedAt !== null &&
    article.publishedAt.getTime() <= now.getTime() &&
    article.liveRevisionId !== null
  );
}
