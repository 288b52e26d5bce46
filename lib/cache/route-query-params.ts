// The query parameters each public route reads, named once: the pages take their types from here,
// and the response cache keys (and renders) a request by these alone. Anything else in an address
// (utm_source, fbclid and the like, which messengers and social sites add to every shared link)
// cannot change the page, so it must not make a new cache entry either. A route that starts
// reading a parameter adds it here, or its readers get the page of another query.

/** Section, tag and reporter pages: keyset cursors (lib/articles/public/public-lists.ts). */
export const LIST_PAGE_PARAMS = ["before", "after"] as const;
/** /search. */
export const SEARCH_PARAMS = ["q", "page"] as const;
/** A story's public comment list (lib/comments/comment-schemas.ts listCommentsQuerySchema). */
export const COMMENT_LIST_PARAMS = ["sort", "cursor", "limit"] as const;

const ROUTES: { path: RegExp; params: readonly string[] }[] = [
  { path: /^\/(?:sections|tags|reporters)\/[^/]+$/, params: LIST_PAGE_PARAMS },
  { path: /^\/search$/, params: SEARCH_PARAMS },
  { path: /^\/api\/v1\/articles\/\d{1,9}\/comments$/, params: COMMENT_LIST_PARAMS },
];

/** The parameters the route at `pathname` reads (none for every other public page and feed). */
export function queryParamsReadBy(pathname: string): readonly string[] {
  return ROUTES.find((route) => route.path.test(pathname))?.params ?? [];
}

/** `params` with only the parameters the route at `pathname` reads, sorted: the cache's idea of the query. */
export function readQueryOnly(pathname: string, params: URLSearchParams): URLSearchParams {
  const read = new Set(queryParamsReadBy(pathname));
  const kept = new URLSearchParams([...params].filter(([name]) => read.has(name)));
  kept.sort();
  return kept;
}
