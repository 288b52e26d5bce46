import "server-only";
// Story lists of the public site. Every one filters with publiclyVisibleWhere and shows the live
// revision (lib/articles/public/public-summary.ts). Paged lists use keyset cursors, so a page does not
// shift while stories are published.
import { cache } from "react";
import { decodeCursor, encodeCursor, newerThan, newestFirst, olderThan, oldestFirst } from "@/lib/articles/public/keyset-cursor";
import { publicSummarySelect, toPublicSummaries, type PublicArticleSummary } from "@/lib/articles/public/public-summary";
import { publiclyVisibleWhere } from "@/lib/articles/public/visibility";
import { cacheTag, tagResponse } from "@/lib/cache/cache-tags";
import { memoizedQuery } from "@/lib/cache/shared-query-memo";
import { readerDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { LIST_PAGE_PARAMS } from "@/lib/cache/route-query-params";

const LIST_PAGE_SIZE = 20;

/** Publications and withdrawals invalidate these lists (the `latest` tag); the TTL is only a backstop. */
const LATEST_TTL_MS = 10 * 60_000;

async function queryLatestStories(limit: number, now: Date, sectionId: number | undefined): Promise<PublicArticleSummary[]> {
  const rows = await readerDb.article.findMany({
    where: {
      ...publiclyVisibleWhere(now),
      // The live revision decides the section readers see.
      ...(sectionId !== undefined ? { liveRevision: { sectionId } } : {}),
    },
    orderBy: newestFirst,
    take: limit,
    select: publicSummarySelect,
  });
  return toPublicSummaries(rows);
}

/**
 * The newest stories readers may see, newest first. Shared by every page that shows them (one
 * memoised query per list shape; `excludeIds` are taken out afterwards, so an article page's
 * "latest" box shares the list with every other article page).
 */
export async function getLatestStories(options: { limit: number; now?: Date; sectionId?: number; excludeIds?: number[] }): Promise<PublicArticleSummary[]> {
  const excluded = new Set(options.excludeIds ?? []);
  const limit = options.limit + excluded.size;
  const stories = options.now
    ? // A given moment (tests, what-if views) is not the present: never shared.
      (tagResponse(cacheTag.latest), await queryLatestStories(limit, options.now, options.sectionId))
    : await memoizedQuery(`latest:${options.sectionId ?? "all"}:${limit}`, [cacheTag.latest], LATEST_TTL_MS, () => queryLatestStories(limit, new Date(), options.sectionId));
  return stories.filter((story) => !excluded.has(story.id)).slice(0, options.limit);
}

/** The home page: a top story (the newest with a photo), the latest, and a block per section. */
export const getHomeFront = cache(async (sections: { id: number; slug: string; name: string }[], now?: Date) => {
  tagResponse(cacheTag.home);
  const [latest, ...perSection] = await Promise.all([
    getLatestStories({ limit: 11, now }),
    ...sections.map((section) => getLatestStories({ limit: 4, now, sectionId: section.id })),
  ]);
  const top = latest.find((story) => story.image) ?? latest[0] ?? null;
  return {
    top,
    latest: latest.filter((story) => story !== top).slice(0, 10),
    sections: sections.map((section, index) => ({ section, stories: perSection[index] ?? [] })).filter((block) => block.stories.length > 0),
  };
});

export interface StoryPage {
  stories: PublicArticleSummary[];
  /** Cursor of the next (older) page, or null on the last page. */
  older: string | null;
  /** Cursor of the previous (newer) page, or null on the first page. */
  newer: string | null;
}

/** A list page's cursors, as the address carries them (the response cache keys by exactly these). */
export type PageRequest = Partial<Record<(typeof LIST_PAGE_PARAMS)[number], string | string[]>>;

/** One page of the visible stories matching `where`, by keyset cursor. */
export async function pageOfStories(where: Prisma.ArticleWhereInput, request: PageRequest, now = new Date(), pageSize = LIST_PAGE_SIZE): Promise<StoryPage> {
  // Any publication or withdrawal can move a story into or out of a list page.
  tagResponse(cacheTag.latest);
  const before = decodeCursor(request.before);
  const after = before ? null : decodeCursor(request.after);
  const base: Prisma.ArticleWhereInput = { AND: [publiclyVisibleWhere(now), where] };
  const cursorOf = (story: PublicArticleSummary): string => encodeCursor({ publishedAt: story.publishedAt, id: story.id });

  if (after) {
    const rows = await readerDb.article.findMany({ where: { AND: [base, newerThan(after)] }, orderBy: oldestFirst, take: pageSize + 1, select: publicSummarySelect });
    const stories = toPublicSummaries(rows.slice(0, pageSize)).reverse();
    const first = stories[0];
    // The story the cursor names is older than this page, so there always is an older page.
    return { stories, older: stories.length ? cursorOf(stories.at(-1)!) : null, newer: rows.length > pageSize && first ? cursorOf(first) : null };
  }
  const rows = await readerDb.article.findMany({
    where: before ? { AND: [base, olderThan(before)] } : base,
    orderBy: newestFirst,
    take: pageSize + 1,
    select: publicSummarySelect,
  });
  const stories = toPublicSummaries(rows.slice(0, pageSize));
  const first = stories[0];
  return { stories, older: rows.length > pageSize ? cursorOf(stories.at(-1)!) : null, newer: before && first ? cursorOf(first) : null };
}

export function sectionStoriesWhere(sectionId: number): Prisma.ArticleWhereInput {
  return { liveRevision: { sectionId } };
}

export function tagStoriesWhere(tagId: number): Prisma.ArticleWhereInput {
  // The live revision's tags: a tag still only in a working copy is not public.
  return { liveTags: { some: { tagId } } };
}

export function reporterStoriesWhere(userId: string): Prisma.ArticleWhereInput {
  return { OR: [{ authorId: userId }, { coAuthors: { some: { userId } } }] };
}
