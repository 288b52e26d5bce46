// What the bench's uncached phase (targets 3, 5 and 8) loads, shared by main.ts and ab-search.ts
// so both measure search the same way: the published stories' rows, the warm-up, and search one
// request at a time per kind of query.
import pg from "pg";
import { FIRST_STORY_ID } from "./dataset";
import { SEARCH_QUERIES } from "./korean-corpus";
import { measurePaths, type LoadSettings, type Measured } from "./measure";

export interface StoryRow {
  id: number;
  headline: string;
  /** The address's slug (Article.slug). */
  slug: string;
  section: string;
}

/** The bench database's generated published stories, newest first. */
export async function loadStories(url: string): Promise<StoryRow[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<StoryRow>(
      `SELECT a.id, r.headline, a.slug, s.slug AS section FROM "Article" a JOIN "ArticleRevision" r ON r.id = a."liveRevisionId" JOIN "Section" s ON s.id = a."sectionId"
       WHERE a.id >= $1 AND a.status = 'PUBLISHED' ORDER BY a.id DESC`,
      [FIRST_STORY_ID],
    );
    return rows;
  } finally {
    await client.end();
  }
}

/**
 * Search's target is the time one reader waits, so it is measured one request at a time; at 50
 * connections a search page is bound by rendering like a cache-miss article (target 3).
 */
export const SEARCH_CONNECTIONS = 1;
const searchPaths = (terms: readonly string[]) => terms.map((term) => `/search?q=${encodeURIComponent(term)}`);
export const allSearchPaths = [...searchPaths(SEARCH_QUERIES.twoSyllable), ...searchPaths(SEARCH_QUERIES.threeSyllable), ...searchPaths(SEARCH_QUERIES.multiWord)];

/** Loads each path once before measuring (fills the response cache, compiles the code paths). */
export async function warm(baseUrl: string, paths: string[]): Promise<void> {
  for (const p of paths) await fetch(`${baseUrl}${p}`).then((r) => r.arrayBuffer(), () => null);
}

type SearchKind = keyof typeof SEARCH_QUERIES;

/** Target 5: search one request at a time, each kind of query on its own. */
export async function measureSearchKinds(baseUrl: string, settings: LoadSettings, options: { serverPid?: number; name?: string } = {}): Promise<Record<SearchKind, Measured>> {
  const kinds: Partial<Record<SearchKind, Measured>> = {};
  for (const [kind, terms] of Object.entries(SEARCH_QUERIES) as [SearchKind, readonly string[]][]) {
    kinds[kind] = await measurePaths(`${options.name ?? "search"}-${kind}`, baseUrl, searchPaths(terms), settings, { connections: SEARCH_CONNECTIONS, serverPid: options.serverPid });
  }
  return kinds as Record<SearchKind, Measured>;
}
