import "server-only";
// Reader search over the live stories. The GIN index on the tokens finds candidates (every
// pair of characters of every term), the normalized text confirms each term really occurs, and
// the visibility rule drops what readers may not see now (scheduled for later, withdrawn); the
// statements and their two plans are in lib/search/search-sql.ts. Stories whose headline holds
// every term come first, then the rest; newest first within each. Results are paged by number:
// a search is a snapshot, not a list to follow.
import { publicSummarySelect, toPublicSummary, type PublicArticleSummary } from "@/lib/articles/public/public-summary";
import { publiclyVisibleWhere } from "@/lib/articles/public/visibility";
import { cacheTag, tagResponse } from "@/lib/cache/cache-tags";
import { readerDb } from "@/lib/db";
import { excerptAround } from "@/lib/search/highlight";
import { countCapFor, countMatches, MAX_SEARCH_PAGE, pageOfMatches, planFor, SEARCH_PAGE_SIZE } from "@/lib/search/search-sql";

export { MAX_SEARCH_PAGE, SEARCH_PAGE_SIZE } from "@/lib/search/search-sql";

interface SearchHit extends PublicArticleSummary {
  excerpt: string;
}

export interface SearchResults {
  /** Matching stories, counted up to a limit (see `totalIsCapped`). */
  total: number;
  /** More stories match than were counted: `total - 1` are shown as "N건 이상". */
  totalIsCapped: boolean;
  page: number;
  pageCount: number;
  hits: SearchHit[];
}

export async function searchStories(terms: string[], page: number, now = new Date()): Promise<SearchResults> {
  if (terms.length === 0) return { total: 0, totalIsCapped: false, page: 1, pageCount: 0, hits: [] };
  tagResponse(cacheTag.search, cacheTag.latest);
  const requested = Math.max(1, Math.min(page, MAX_SEARCH_PAGE));
  const cap = countCapFor((requested - 1) * SEARCH_PAGE_SIZE);
  // Below its cap a count is exact: a page beyond the matches falls back to the last one, whose
  // offset is then below the count.
  const [total, headlineCount] = await Promise.all([countMatches(terms, "all", now, cap), countMatches(terms, "headline", now, cap)]);
  const pageCount = Math.min(Math.ceil(total / SEARCH_PAGE_SIZE), MAX_SEARCH_PAGE);
  const current = Math.min(requested, pageCount || 1);
  const offset = (current - 1) * SEARCH_PAGE_SIZE;

  const fromHeadline = offset < headlineCount ? await pageOfMatches(terms, "headline", now, { skip: offset, take: SEARCH_PAGE_SIZE, plan: planFor(headlineCount, cap) }) : [];
  const stillNeeded = SEARCH_PAGE_SIZE - fromHeadline.length;
  // Needed only when the headline matches end before this page does, so headlineCount is exact.
  const fromRest =
    stillNeeded > 0 && total > headlineCount
      ? await pageOfMatches(terms, "rest", now, { skip: Math.max(0, offset - headlineCount), take: stillNeeded, plan: planFor(total, cap) })
      : [];

  const ids = [...fromHeadline, ...fromRest];
  // The statements above already kept to what readers may see; the rule is applied again here
  // so that no change to them can ever put a private story on the page.
  const articles = ids.length ? await readerDb.article.findMany({ where: { id: { in: ids }, ...publiclyVisibleWhere(now) }, select: publicSummarySelect }) : [];
  const byId = new Map(articles.map((article) => [article.id, article]));
  const hits = ids.flatMap((id) => {
    const article = byId.get(id);
    const summary = article && toPublicSummary(article);
    if (!article || !summary || !article.liveRevision) return [];
    return [{ ...summary, excerpt: excerptAround(article.liveRevision.bodyText, terms) }];
  });
  return { total, totalIsCapped: total >= cap, page: current, pageCount, hits };
}
