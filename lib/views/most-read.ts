import "server-only";
// "Today" (most read since midnight, Korea time) and "Hot Issue" (most read over seven days),
// from ArticleView's hourly rows. Only stories readers may see now are ranked and shown.
import { cache } from "react";
import { publicSummarySelect, toPublicSummaries, type PublicArticleSummary } from "@/lib/articles/public-summary";
import { publiclyVisibleWhere } from "@/lib/articles/visibility";
import { cacheTag, tagResponse } from "@/lib/cache/cache-tags";
import { memoizedQuery } from "@/lib/cache/shared-query-memo";
import { readerDb } from "@/lib/db";
import { startOfKstDay } from "@/lib/views/view-counter";

const WEEK = 7 * 24 * 3_600_000;
const MOST_READ_TTL_MS = 60_000;

async function rankSince(since: Date, limit: number, now: Date): Promise<number[]> {
  const ranking = await readerDb.articleView.groupBy({
    by: ["articleId"],
    where: { hour: { gte: since }, article: publiclyVisibleWhere(now) },
    _sum: { count: true },
    orderBy: [{ _sum: { count: "desc" } }, { articleId: "desc" }],
    take: limit,
  });
  return ranking.map((row) => row.articleId);
}

export interface MostRead {
  today: PublicArticleSummary[];
  week: PublicArticleSummary[];
}

async function loadMostRead(limit: number, now: Date): Promise<MostRead> {
  tagResponse(cacheTag.mostRead, cacheTag.latest);
  const [todayIds, weekIds] = await Promise.all([rankSince(startOfKstDay(now), limit, now), rankSince(new Date(now.getTime() - WEEK), limit, now)]);
  const ids = [...new Set([...todayIds, ...weekIds])];
  if (ids.length === 0) return { today: [], week: [] };
  const stories = toPublicSummaries(await readerDb.article.findMany({ where: { id: { in: ids }, ...publiclyVisibleWhere(now) }, select: publicSummarySelect }));
  const byId = new Map(stories.map((story) => [story.id, story]));
  const inOrder = (list: number[]) => list.map((id) => byId.get(id)).filter((story): story is PublicArticleSummary => story !== undefined);
  return { today: inOrder(todayIds), week: inOrder(weekIds) };
}

/** Both boxes, read once per request however many parts of the page show them. */
export const getMostRead = cache(
  (limit: number = 5): Promise<MostRead> =>
    // Views move the ranking continuously, not events: shared for a minute, like cached pages holding it.
    memoizedQuery(`most-read:${limit}`, [cacheTag.mostRead, cacheTag.latest], MOST_READ_TTL_MS, () => loadMostRead(limit, new Date())),
);

export function getMostReadAt(now: Date, limit = 5): Promise<MostRead> {
  return loadMostRead(limit, now);
}
