import "server-only";
// The side column's two boxes, which answer different questions:
// - "Today": what readers read most since midnight (Korea time), from ArticleView's hourly rows
//   (one view per reader address per story per day: lib/views/view-counter.ts);
// - "Hot Issue": what readers discussed most over the last seven days: the number of different
//   commenters (sources) on visible comments, then the number of such comments, then the week's
//   views. Read counts alone put the same few new stories at the top of both boxes; talk marks
//   the stories readers care about, and counting commenters rather than comments keeps one busy
//   commenter (or comments the desk hid or holds) from making a story "hot".
// Only stories readers may see now are ranked and shown.
import { cache } from "react";
import { publicSummarySelect, toPublicSummaries, type PublicArticleSummary } from "@/lib/articles/public/public-summary";
import { publiclyVisibleSql, publiclyVisibleWhere } from "@/lib/articles/public/visibility";
import { cacheTag, tagResponse } from "@/lib/cache/cache-tags";
import { memoizedQuery, sharedQueryMemo } from "@/lib/cache/shared-query-memo";
import { nextKstMidnight } from "@/lib/format/korean-time";
import { readerDb } from "@/lib/db";
import { startOfKstDay } from "@/lib/views/view-counter";

const WEEK = 7 * 24 * 3_600_000;
/** How many stories each box lists. */
const BOX_LENGTH = 5;
const memoKey = (limit: number) => `most-read:${limit}`;

async function rankByViewsSince(since: Date, limit: number, now: Date): Promise<number[]> {
  const ranking = await readerDb.articleView.groupBy({
    by: ["articleId"],
    where: { hour: { gte: since }, article: publiclyVisibleWhere(now) },
    _sum: { count: true },
    orderBy: [{ _sum: { count: "desc" } }, { articleId: "desc" }],
    take: limit,
  });
  return ranking.map((row) => row.articleId);
}

async function rankByDiscussionSince(since: Date, limit: number, now: Date): Promise<number[]> {
  const rows = await readerDb.$queryRaw<{ id: number }[]>`
    SELECT c."articleId" AS id
    FROM "Comment" c
    JOIN "Article" a ON a."id" = c."articleId"
    WHERE c."status" = 'VISIBLE' AND c."createdAt" >= ${since} AND ${publiclyVisibleSql("a", now)}
    GROUP BY c."articleId"
    ORDER BY count(DISTINCT c."ipHash") DESC, count(*) DESC,
      (SELECT COALESCE(sum(v."count"), 0) FROM "ArticleView" v WHERE v."articleId" = c."articleId" AND v."hour" >= ${since}) DESC,
      c."articleId" DESC
    LIMIT ${limit}`;
  return rows.map((row) => row.id);
}

export interface MostRead {
  /** Read most since midnight (KST). */
  today: PublicArticleSummary[];
  /** Discussed most over the last seven days. */
  hotIssue: PublicArticleSummary[];
}

async function loadMostRead(limit: number, now: Date): Promise<MostRead> {
  tagResponse(cacheTag.mostRead, cacheTag.latest);
  const since = new Date(now.getTime() - WEEK);
  const [todayIds, hotIds] = await Promise.all([rankByViewsSince(startOfKstDay(now), limit, now), rankByDiscussionSince(since, limit, now)]);
  const ids = [...new Set([...todayIds, ...hotIds])];
  if (ids.length === 0) return { today: [], hotIssue: [] };
  const stories = toPublicSummaries(await readerDb.article.findMany({ where: { id: { in: ids }, ...publiclyVisibleWhere(now) }, select: publicSummarySelect }));
  const byId = new Map(stories.map((story) => [story.id, story]));
  const inOrder = (list: number[]) => list.map((id) => byId.get(id)).filter((story): story is PublicArticleSummary => story !== undefined);
  return { today: inOrder(todayIds), hotIssue: inOrder(hotIds) };
}

/** Both boxes, read once per request however many parts of the page show them. */
export const getMostRead = cache((limit: number = BOX_LENGTH): Promise<MostRead> => {
  // Views and comments move the rankings continuously, not the desk's events. The rankings are
  // shared until they move (a check every minute drops the `most-read` tag then:
  // mostReadHasMoved) or until midnight, when "Today" starts over. Once ranked, they are dropped
  // early only when a story they list changes or leaves (its own tag) or the sections change: a
  // new publication is in neither box, and ranking a week of comments again after each one kept
  // every page waiting.
  const now = Date.now();
  return memoizedQuery(memoKey(limit), [cacheTag.mostRead, cacheTag.latest], nextKstMidnight(now) - now, () => loadMostRead(limit, new Date(now)), mostReadDependsOn);
});

function mostReadDependsOn(mostRead: MostRead): string[] {
  return [cacheTag.mostRead, cacheTag.site, ...new Set([...mostRead.today, ...mostRead.hotIssue].map((story) => cacheTag.story(story.id)))];
}

const sameStories = (shown: PublicArticleSummary[], ranked: number[]) => shown.length === ranked.length && shown.every((story, index) => story.id === ranked[index]);

/**
 * Whether the rankings the shared boxes show (the memoized ones) are no longer the rankings now:
 * then the pages showing them are out of date. Nothing shown, nothing moved. `hotIssue: false`
 * compares Today alone: ranking a week of comments is the expensive one (0.7-0.8 s of
 * PostgreSQL time with 500,000 comments in the week, the bench's), and a week's ranking moves slowly.
 */
export async function mostReadHasMoved(options: { hotIssue: boolean }, now = new Date()): Promise<boolean> {
  const shown = sharedQueryMemo.peek<MostRead>(memoKey(BOX_LENGTH));
  if (!shown) return false;
  if (!sameStories(shown.today, await rankByViewsSince(startOfKstDay(now), BOX_LENGTH, now))) return true;
  return options.hotIssue && !sameStories(shown.hotIssue, await rankByDiscussionSince(new Date(now.getTime() - WEEK), BOX_LENGTH, now));
}

export function getMostReadAt(now: Date, limit = BOX_LENGTH): Promise<MostRead> {
  return loadMostRead(limit, now);
}
