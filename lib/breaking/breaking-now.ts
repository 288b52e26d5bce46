import "server-only";
// The stories whose 속보 banner is up, for the banner every public page shows. Read through the
// shared query memo (one query per instance until something changes, not one per page render),
// tagged `breaking` (raised or taken down: lib/cache/tags-for-event.ts; ended by time: every
// instance's listener drops the tag at that moment) and `latest` (a publication, a withdrawal or a
// new headline changes what the banner may show). The time is checked again on every call, so a
// banner never outlives its period even in a result read before the period ended.
import { articlePath } from "@/lib/articles/public/article-url";
import { publiclyVisibleWhere } from "@/lib/articles/public/visibility";
import { isBreakingAt } from "@/lib/breaking/breaking-rules";
import { cacheTag } from "@/lib/cache/cache-tags";
import { memoizedQuery } from "@/lib/cache/shared-query-memo";
import { readerDb } from "@/lib/db";

export interface BreakingStory {
  id: number;
  headline: string;
  path: string;
  until: Date;
}

/** More at once would push the page down; the newest banners come first. */
const MAX_BANNERS = 3;
/** Events and the listener's timer drop the entry; the TTL is a backstop. */
const BREAKING_TTL_MS = 10 * 60_000;

async function queryBreakingStories(now: Date): Promise<BreakingStory[]> {
  const rows = await readerDb.article.findMany({
    where: { ...publiclyVisibleWhere(now), breakingUntil: { gt: now } },
    orderBy: [{ breakingUntil: "desc" }, { id: "desc" }],
    take: MAX_BANNERS,
    select: { id: true, slug: true, breakingUntil: true, liveRevision: { select: { headline: true } } },
  });
  return rows.flatMap((row) => (row.liveRevision && row.breakingUntil ? [{ id: row.id, headline: row.liveRevision.headline, path: articlePath(row), until: row.breakingUntil }] : []));
}

/** The stories breaking now, newest banner first (none most of the time). */
export async function getBreakingStories(now = new Date()): Promise<BreakingStory[]> {
  const stories = await memoizedQuery("breaking-now", [cacheTag.breaking, cacheTag.latest], BREAKING_TTL_MS, () => queryBreakingStories(new Date()));
  return stories.filter((story) => isBreakingAt(story.until, now));
}
