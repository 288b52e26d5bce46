// What a cached public response depends on, named once. Data functions that read public content
// tag the response being rendered (`tagResponse`); domain events say which tags a change touches
// (lib/cache/tags-for-event.ts); the response cache drops every entry holding one of them.
import { AsyncLocalStorage } from "node:async_hooks";

export const cacheTag = {
  /** Every cached page: site-wide chrome (sections menu, publisher details). */
  site: "site",
  story: (id: number) => `story:${id}`,
  section: (id: number | string) => `section:${id}`,
  tag: (id: number | string) => `tag:${id}`,
  reporter: (id: string) => `reporter:${id}`,
  /** Anything listing the newest stories: home, the "latest" box on every article page, feeds. */
  latest: "latest",
  home: "home",
  /** Most-read boxes: they change with views, not events; dropped when their rankings move (server/response-cache/most-read-watch.ts). */
  mostRead: "most-read",
  feeds: "feeds",
  sitemaps: "sitemaps",
  search: "search",
  corrections: "corrections",
  comments: (articleId: number) => `comments:${articleId}`,
  /** The 속보 banner every public page shows while a story is breaking (and the story's label). */
  breaking: "breaking",
  /**
   * Counts readers change all the time (reactions): entries holding them are not dropped by
   * events, they expire within seconds (ResponseCache's liveCountsTtlMs).
   */
  liveCounts: "live-counts",
} as const;

interface RenderTags {
  tags: Set<string>;
}

// One store per process, shared by the code our HTTP server runs and the copy of this module
// bundled into Next.js's server build (two module instances, one AsyncLocalStorage).
const STORE_KEY = Symbol.for("newsroom.response-cache.render-tags");
const holder = globalThis as typeof globalThis & { [STORE_KEY]?: AsyncLocalStorage<RenderTags> };
const storage = (holder[STORE_KEY] ??= new AsyncLocalStorage<RenderTags>());

/** Marks the response being rendered (if any) as depending on `tags`. */
export function tagResponse(...tags: string[]): void {
  const current = storage.getStore();
  if (current) for (const tag of tags) current.tags.add(tag);
}

/** Runs `render` and returns what it returned with the tags it collected. */
export async function collectResponseTags<T>(render: () => Promise<T>): Promise<{ result: T; tags: Set<string> }> {
  const context: RenderTags = { tags: new Set() };
  const result = await storage.run(context, render);
  return { result, tags: context.tags };
}
