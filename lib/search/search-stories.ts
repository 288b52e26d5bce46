import "server-only";
// Reader search over the live stories. The GIN index on the tokens finds candidates (every
// pair of characters of every term), the normalized text confirms each term really occurs, and
// publiclyVisibleWhere on the story drops what readers may not see now (scheduled for later,
// withdrawn). Stories whose headline holds every term come first, then the rest; newest first
// within each. Results are paged by number: a search is a snapshot, not a list to follow.
import { publicSummarySelect, toPublicSummary, type PublicArticleSummary } from "@/lib/articles/public-summary";
import { publiclyVisibleWhere } from "@/lib/articles/visibility";
import { cacheTag, tagResponse } from "@/lib/cache/cache-tags";
import { readerDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { excerptAround } from "@/lib/search/highlight";
import { queryTokens } from "@/lib/search/korean-text";

export const SEARCH_PAGE_SIZE = 10;
/** Page numbers beyond this are not served: nobody reads them, and deep pages cost the most. */
export const MAX_SEARCH_PAGE = 100;

export interface SearchHit extends PublicArticleSummary {
  excerpt: string;
}

export interface SearchResults {
  total: number;
  page: number;
  pageCount: number;
  hits: SearchHit[];
}

/** The filter that finds stories containing every term. Exported for the EXPLAIN test. */
export function searchMatchWhere(terms: string[], now: Date): Prisma.ArticleSearchDocumentWhereInput {
  return {
    tokens: { hasEvery: [...new Set(terms.flatMap(queryTokens))] },
    AND: terms.map((term) => ({ content: { contains: term } })),
    article: publiclyVisibleWhere(now),
  };
}

const newestFirst: Prisma.ArticleSearchDocumentOrderByWithRelationInput[] = [{ publishedAt: "desc" }, { articleId: "desc" }];

export async function searchStories(terms: string[], page: number, now = new Date()): Promise<SearchResults> {
  if (terms.length === 0) return { total: 0, page: 1, pageCount: 0, hits: [] };
  tagResponse(cacheTag.search, cacheTag.latest);
  const match = searchMatchWhere(terms, now);
  const inHeadline: Prisma.ArticleSearchDocumentWhereInput = { AND: terms.map((term) => ({ headline: { contains: term } })) };
  const headlineFirst = { AND: [match, inHeadline] };
  const theRest = { AND: [match, { NOT: inHeadline }] };

  const [total, headlineCount] = await Promise.all([readerDb.articleSearchDocument.count({ where: match }), readerDb.articleSearchDocument.count({ where: headlineFirst })]);
  const pageCount = Math.min(Math.ceil(total / SEARCH_PAGE_SIZE), MAX_SEARCH_PAGE);
  const current = Math.max(1, Math.min(page, pageCount || 1));
  const offset = (current - 1) * SEARCH_PAGE_SIZE;

  const select = { article: { select: publicSummarySelect } } as const;
  const fromHeadline =
    offset < headlineCount
      ? await readerDb.articleSearchDocument.findMany({ where: headlineFirst, orderBy: newestFirst, skip: offset, take: SEARCH_PAGE_SIZE, select })
      : [];
  const stillNeeded = SEARCH_PAGE_SIZE - fromHeadline.length;
  const fromRest =
    stillNeeded > 0 && total > headlineCount
      ? await readerDb.articleSearchDocument.findMany({ where: theRest, orderBy: newestFirst, skip: Math.max(0, offset - headlineCount), take: stillNeeded, select })
      : [];

  const hits = [...fromHeadline, ...fromRest].flatMap(({ article }) => {
    const summary = toPublicSummary(article);
    if (!summary || !article.liveRevision) return [];
    return [{ ...summary, excerpt: excerptAround(article.liveRevision.bodyText, terms) }];
  });
  return { total, page: current, pageCount, hits };
}
