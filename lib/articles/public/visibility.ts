import { Prisma } from "@/lib/generated/prisma/client";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";

// What readers may see, said once. Two words matter:
// - live: the desk approved it (it has a live revision) and it is published or scheduled. A live
//   story's text is the live revision's, never the working copy's.
// - visible now: live, and its publication time has come. A scheduled story thus appears by
//   itself at its time, with no job to run, and is invisible everywhere before it.
// - blocked (임시조치, lib/takedowns): visible now but for a block in force. Readers get a notice
//   at its address and find it in no list, feed, sitemap or search until the block's time ends
//   (by itself, like a scheduled time). `isPubliclyVisible` is the workflow's view (has it gone
//   out?) and ignores blocks; `publiclyVisibleWhere` and `publicStateOf` are the readers'.
// Every public query filters with `publiclyVisibleWhere`; code holding a loaded row asks
// `publicStateOf`. tests/integration/public-surfaces.test.ts checks that the two agree.

const LIVE_STATUSES: ArticleStatus[] = ["PUBLISHED", "SCHEDULED"];

/** Approved and published or scheduled, whatever the time: what the search index holds. */
export function liveWhere(): Prisma.ArticleWhereInput {
  return { status: { in: LIVE_STATUSES }, liveRevisionId: { not: null } };
}

/** A block of the whole story (not of one comment under it) in force at `now` (lib/takedowns/takedown-rules.ts). */
export function storyTakedownInForceWhere(now: Date): Prisma.TakedownWhereInput {
  return { commentId: null, status: "ACTIVE", startsAt: { lte: now }, endsAt: { gt: now } };
}

/** Live and its time has come, blocked or not: what the reporter's own dashboard counts as out. */
export function publishedWhere(now: Date): Prisma.ArticleWhereInput {
  return { ...liveWhere(), publishedAt: { lte: now } };
}

/** The one rule for "readers may see this story now". */
export function publiclyVisibleWhere(now: Date): Prisma.ArticleWhereInput {
  return { ...publishedWhere(now), takedowns: { none: storyTakedownInForceWhere(now) } };
}

export interface VisibilityFields {
  status: ArticleStatus;
  liveRevisionId: string | null;
  publishedAt: Date | null;
  unpublishedAt: Date | null;
  /** The story's blocks in force now, selected with `storyTakedownInForceWhere(now)`. */
  takedowns: unknown[];
}

/**
 * - "visible": readers may see it now;
 * - "blocked": it would be visible but a 임시조치 is in force (its URL answers 451 with a notice);
 * - "gone": it was public and the desk withdrew it (its URL answers 410 Gone);
 * - "hidden": readers never saw it (draft, at the desk, scheduled for later): 404, as if it did
 *   not exist, so that its existence does not leak either.
 */
export type PublicState = "visible" | "blocked" | "gone" | "hidden";

export function isLive(article: Pick<VisibilityFields, "status" | "liveRevisionId">): boolean {
  return LIVE_STATUSES.includes(article.status) && article.liveRevisionId !== null;
}

/** Readers may see it now: live, and its time has come (the same rule as `publiclyVisibleWhere`). */
export function isPubliclyVisible(article: Pick<VisibilityFields, "status" | "liveRevisionId" | "publishedAt">, now: Date): boolean {
  return isLive(article) && article.publishedAt !== null && article.publishedAt.getTime() <= now.getTime();
}

export function publicStateOf(article: VisibilityFields, now: Date): PublicState {
  if (isPubliclyVisible(article, now)) return article.takedowns.length > 0 ? "blocked" : "visible";
  const wasPublic =
    article.status === "UNPUBLISHED" &&
    article.publishedAt !== null &&
    article.publishedAt <= (article.unpublishedAt ?? now);
  return wasPublic ? "gone" : "hidden";
}

/**
 * The same rule as `publiclyVisibleWhere`, for raw SQL over an "Article" row named `alias` (the
 * comment write paths check visibility inside their single statements). Kept beside the Prisma
 * form; tests/integration/comments.test.ts checks that the two agree on the planted stories.
 * `now` may be a column (a batch of reactions checks each at its own time).
 */
export function publiclyVisibleSql(alias: string, now: Date | Prisma.Sql): Prisma.Sql {
  const a = Prisma.raw(`"${alias.replace(/"/g, "")}"`);
  return Prisma.sql`(${a}."status" IN ('PUBLISHED', 'SCHEDULED') AND ${a}."publishedAt" <= ${now} AND ${a}."liveRevisionId" IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM "Takedown" t WHERE t."articleId" = ${a}."id" AND t."commentId" IS NULL AND t."status" = 'ACTIVE' AND t."startsAt" <= ${now} AND t."endsAt" > ${now}))`;
}
