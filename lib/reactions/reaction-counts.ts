import "server-only";
// How many readers chose each reaction on a story readers may see now: what the reactions bar
// asks for (GET /api/v1/articles/:id/reactions), never part of the article's HTML, so a click
// never costs a page render. The answer is cached (server/response-cache) with the `liveCounts`
// tag: kept two seconds, here and at a CDN, since no event follows a click (see
// lib/reactions/article-reactions.ts); the story's tag drops it at once when the story is withdrawn.
import { publiclyVisibleSql } from "@/lib/articles/public/visibility";
import { cacheTag, tagResponse } from "@/lib/cache/cache-tags";
import { runReaderSql } from "@/lib/db/sql";
import { notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { noReactions, REACTION_KINDS, type ReactionCounts } from "@/lib/reactions/reaction-kinds";

export interface ReactionCountsOut {
  articleId: number;
  counts: ReactionCounts;
  total: number;
}

export async function getReactionCounts(articleId: number, now = new Date()): Promise<ReactionCountsOut> {
  tagResponse(cacheTag.liveCounts, cacheTag.story(articleId));
  // One statement: the story's visibility and its counts (an index-only walk of (articleId, kind)).
  const rows = await runReaderSql<{ counts: Record<string, number> }>(
    Prisma.sql`
    SELECT (
      SELECT coalesce(json_object_agg(c."kind", c."n"), '{}'::json)
      FROM (SELECT r."kind"::text AS "kind", count(*)::int AS "n" FROM "ArticleReaction" r WHERE r."articleId" = a."id" GROUP BY r."kind") c
    ) AS "counts"
    FROM "Article" a WHERE a."id" = ${articleId} AND ${publiclyVisibleSql("a", now)}`,
    { prepared: true },
  );
  const row = rows[0];
  if (!row) throw notFound("기사를 찾을 수 없습니다.");
  const counts = noReactions();
  for (const kind of REACTION_KINDS) counts[kind] = row.counts[kind] ?? 0;
  return { articleId, counts, total: REACTION_KINDS.reduce((sum, kind) => sum + counts[kind], 0) };
}
