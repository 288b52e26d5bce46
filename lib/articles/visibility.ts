import { Prisma } from "@/lib/generated/prisma/client";

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

/**
 * The same rule as `publiclyVisibleWhere`, for raw SQL over an "Article" row named `alias` (the
 * comment write paths check visibility inside their single statements). Kept beside the Prisma
 * form; tests/integration/comments.test.ts checks that the two agree on the planted stories.
 */
export function publiclyVisibleSql(alias: string, now: Date): Prisma.Sql {
  const a = Prisma.raw(`"${alias.replace(/"/g, "")}"`);
  return Prisma.sql`(${a}."status" IN ('PUBLISHED', 'SCHEDULED') AND ${a}."publishedAt" <= ${now} AND ${a}."liveRevisionId" IS NOT NULL)`;
}
