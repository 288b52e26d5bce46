import type { Prisma } from "@/lib/generated/prisma/client";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";

// What readers may see, said once. Two words matter:
// - live: the desk approved it (it has a live revision) and it is published or scheduled. A live
//   story's text is the live revision's, never the working copy's.
// - visible now: live, and its publication time has come. A scheduled story thus appears by
//   itself at its time, with no job to run, and is invisible everywhere before it.

const LIVE_STATUSES: ArticleStatus[] = ["PUBLISHED", "SCHEDULED"];

/** Approved and published or scheduled, whatever the time. */
export function liveWhere(): Prisma.ArticleWhereInput {
  return { status: { in: LIVE_STATUSES }, liveRevisionId: { not: null } };
}

/** The one rule for "readers may see this story now". */
export function publiclyVisibleWhere(now: Date): Prisma.ArticleWhereInput {
  return { ...liveWhere(), publishedAt: { lte: now } };
}

export function isLive(article: { status: ArticleStatus; liveRevisionId: string | null }): boolean {
  return LIVE_STATUSES.includes(article.status) && article.liveRevisionId !== null;
}

/** The same rule as `publiclyVisibleWhere`, for a story already loaded. */
export function isPubliclyVisible(article: { status: ArticleStatus; publishedAt: Date | null; liveRevisionId: string | null }, now: Date): boolean {
  return isLive(article) && article.publishedAt !== null && article.publishedAt.getTime() <= now.getTime();
}
