import "server-only";
// The search's statements, in SQL because the best plan depends on how common the words are and
// PostgreSQL cannot tell from its statistics: the texts are too long to be sampled (ANALYZE skips
// values over 1 KB), so it guesses that `content LIKE '%예산%'` matches almost nothing.
// - A rare word ("candidates-first"): the GIN index on the tokens finds the few candidates,
//   LIKE confirms them, and they are sorted by recency. The planner does this by itself.
// - A common word ("newest-first"): walking the recency index and confirming story by story with
//   LIKE alone finds a page after a few dozen rows, where the plan above confirms and sorts every
//   candidate (1.2-1.9 s for a word in 48,000 of 50,000 stories). The planner is told to walk the
//   index (`SET LOCAL` in the statement's own transaction). Which plan: a count capped a little
//   beyond the page tells (`planFor`).
// Counts are capped (countCapFor): an exact count of a common word costs as much as the slow
// plan, and readers page through at most MAX_SEARCH_PAGE pages anyway.
import { publiclyVisibleSql } from "@/lib/articles/public/visibility";
import { runReaderSql, type PlannerSettings } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { headlineQueryTokens, queryTokens } from "@/lib/search/korean-text";

export const SEARCH_PAGE_SIZE = 10;
/** Page numbers beyond this are not served: nobody reads them, and deep pages cost the most. */
export const MAX_SEARCH_PAGE = 100;
/** How many pages' worth of matches the count looks ahead of the current page's first. */
const PAGES_AHEAD = 10;

/** Which stories of the matches: those with every term in the headline, the others, or all. */
export type MatchPart = "headline" | "rest" | "all";

export type SearchPlan = "candidates-first" | "newest-first";

/** Walk the recency index: no sequential or bitmap scan of the documents, no sort. */
const NEWEST_FIRST_SETTINGS: PlannerSettings = { enable_seqscan: "off", enable_bitmapscan: "off", enable_sort: "off" };

/**
 * The count limit for a page starting at `offset`: PAGES_AHEAD pages' worth from there (page
 * links to show), and one more to know there are more. A count that reaches it is shown as
 * "100건 이상" (the limit less one).
 */
export function countCapFor(offset: number): number {
  return Math.min(offset + SEARCH_PAGE_SIZE * PAGES_AHEAD, SEARCH_PAGE_SIZE * MAX_SEARCH_PAGE) + 1;
}

const likeContaining = (term: string) => `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
const allOf = (conditions: Prisma.Sql[]) => Prisma.join(conditions, " AND ");

function matchSql(terms: string[], part: MatchPart, plan: SearchPlan, now: Date): Prisma.Sql {
  const inHeadline = allOf(terms.map((term) => Prisma.sql`d."headline" LIKE ${likeContaining(term)}`));
  const inContent = allOf(terms.map((term) => Prisma.sql`d."content" LIKE ${likeContaining(term)}`));
  // The index's tokens only help a plan that starts from the index; walking by recency they
  // would be read and compared on every row for nothing (LIKE decides). They are tested after
  // LIKE: a common word's count is planned as a scan that stops at its cap, testing the rows in
  // the order written, and the tokens (about 480 a story, stored compressed out of line) must be
  // fetched and unpacked for each row tested, where the headline and the compressed content are
  // in the row itself. On the bench's 50,000 stories, the count of headlines with "예산" (a scan
  // of about 450 rows for 101 matches) took 10.7-21 ms with the tokens first, 7-9.6 ms after.
  const tokens = (list: string[]) => (plan === "candidates-first" ? Prisma.sql` AND d."tokens" @> ${[...new Set(list)]}::text[]` : Prisma.empty);
  // The content holds the headline, so a headline match needs no test of the content. The short
  // headline test is written first: PostgreSQL evaluates equally priced conditions in the order
  // written and stops at the first false one.
  const condition =
    part === "headline"
      ? Prisma.sql`${inHeadline}${tokens(terms.flatMap(headlineQueryTokens))}`
      : Prisma.sql`${part === "rest" ? Prisma.sql`NOT (${inHeadline}) AND ` : Prisma.empty}${inContent}${tokens(terms.flatMap(queryTokens))}`;
  return Prisma.sql`FROM "ArticleSearchDocument" d JOIN "Article" a ON a."id" = d."articleId"
    WHERE ${condition} AND d."publishedAt" <= ${now} AND ${publiclyVisibleSql("a", now)}`;
}

/** How many stories match, up to `cap`. The statements are exported for the plan test. */
export function countStatement(terms: string[], part: MatchPart, now: Date, cap: number): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::int AS "count" FROM (SELECT 1 ${matchSql(terms, part, "candidates-first", now)} LIMIT ${cap}) AS capped`;
}

export function pageStatement(terms: string[], part: MatchPart, plan: SearchPlan, now: Date, skip: number, take: number): Prisma.Sql {
  return Prisma.sql`SELECT d."articleId" AS "id" ${matchSql(terms, part, plan, now)}
    ORDER BY d."publishedAt" DESC, d."articleId" DESC LIMIT ${take} OFFSET ${skip}`;
}

/**
 * The plan for a page, from a count capped at `cap`: a word that fills the count is common
 * enough that walking newest first meets a match every few rows.
 */
export function planFor(count: number, cap: number): SearchPlan {
  return count >= cap ? "newest-first" : "candidates-first";
}

export const plannerSettingsFor = (plan: SearchPlan): PlannerSettings | undefined => (plan === "newest-first" ? NEWEST_FIRST_SETTINGS : undefined);

export async function countMatches(terms: string[], part: MatchPart, now: Date, cap: number): Promise<number> {
  const [row] = await runReaderSql<{ count: number }>(countStatement(terms, part, now, cap));
  return row?.count ?? 0;
}

/** The ids of one page of matches, newest first. */
export async function pageOfMatches(terms: string[], part: MatchPart, now: Date, page: { skip: number; take: number; plan: SearchPlan }): Promise<number[]> {
  const rows = await runReaderSql<{ id: number }>(pageStatement(terms, part, page.plan, now, page.skip, page.take), { settings: plannerSettingsFor(page.plan) });
  return rows.map((row) => row.id);
}
