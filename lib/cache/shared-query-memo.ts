// Query results that many public pages repeat (the sections menu, the newest stories, a section's
// newest, most read), kept in memory for a while so that a page rendered on a response-cache miss
// asks the database only for what is its own: an article page becomes one query for the story.
// Entries carry the same cache tags as responses and are dropped by the same invalidations (the
// response cache's LISTEN/NOTIFY listener feeds both; with RESPONSE_CACHE=off the listener runs
// for the memo alone), never outlive the next scheduled publication, and live at most their TTL.
// Active only while a listener runs (the production server): without one nothing would drop a
// stale entry, so every call then queries (tests, scripts, `npm run dev`).
import { tagResponse } from "@/lib/cache/cache-tags";

// An entry keeps the promise only while the query runs, then the plain result. A settled promise
// kept for minutes would keep alive the whole request it was made in: Node attaches the
// AsyncLocalStorage stores of the creating request to every promise, and Next.js's request store
// reaches the rendered page and, through its abort reasons' stack frames, other requests (heap
// snapshot: 1.2 GB of past responses retained this way after 40 s of cache misses).
interface MemoEntry {
  pending: Promise<unknown> | null;
  result: { value: unknown } | null;
  tags: readonly string[];
  expiresAt: number;
}

interface MemoState {
  enabled: boolean;
  entries: Map<string, MemoEntry>;
  nextScheduledAt: number | null;
}

/** Keys are few (one per list shape); the bound only guards against a caller keying by input. */
const MAX_ENTRIES = 1_000;

// One state per process, shared by our HTTP server and the copy of this module bundled into
// Next.js's server build (as lib/cache/cache-tags.ts does).
const STATE_KEY = Symbol.for("newsroom.shared-query-memo");
const holder = globalThis as typeof globalThis & { [STATE_KEY]?: MemoState };
const state = (holder[STATE_KEY] ??= { enabled: false, entries: new Map(), nextScheduledAt: null });

/**
 * `load()`'s result, shared with every caller of the same `key` until one of `tags` is
 * invalidated or `ttlMs` passes. The response being rendered is tagged with `tags` either way.
 * `tagsOfResult`, when given, replaces `tags` for the memo once the result is known: a ranking
 * of a few stories then depends on those stories alone, not on every publication.
 */
export function memoizedQuery<T>(key: string, tags: readonly string[], ttlMs: number, load: () => Promise<T>, tagsOfResult?: (value: T) => readonly string[]): Promise<T> {
  tagResponse(...tags);
  if (!state.enabled) return load();
  const now = Date.now();
  const hit = state.entries.get(key);
  if (hit && hit.expiresAt > now) {
    if (hit.result) return Promise.resolve(hit.result.value as T);
    if (hit.pending) return hit.pending as Promise<T>;
  }
  const pending = load();
  // Stored before it settles, so an invalidation arriving while it runs drops it too.
  const entry: MemoEntry = { pending, result: null, tags, expiresAt: Math.min(now + ttlMs, state.nextScheduledAt ?? Infinity) };
  pending.then(
    (value) => {
      entry.result = { value };
      entry.pending = null;
      if (tagsOfResult) entry.tags = tagsOfResult(value);
    },
    () => {
      // A failed query is not remembered.
      if (state.entries.get(key) === entry) state.entries.delete(key);
    },
  );
  if (state.entries.size >= MAX_ENTRIES) state.entries.clear();
  state.entries.set(key, entry);
  return pending;
}

/** The invalidation side, driven by the response cache's listener. */
export const sharedQueryMemo = {
  enable(): void {
    state.enabled = true;
  },
  disable(): void {
    state.enabled = false;
    state.entries.clear();
  },
  /** The settled result kept for `key`, if any (what pages rendered from it show). */
  peek<T>(key: string): T | undefined {
    const entry = state.entries.get(key);
    return entry?.result && entry.expiresAt > Date.now() ? (entry.result.value as T) : undefined;
  },
  /** When it is unknown what changed (an event could not be read). */
  clear(): void {
    state.entries.clear();
  },
  invalidate(tags: Iterable<string>): number {
    const dropped = new Set(tags);
    let count = 0;
    for (const [key, entry] of state.entries) {
      if (entry.tags.some((tag: string) => dropped.has(tag))) {
        state.entries.delete(key);
        count += 1;
      }
    }
    return count;
  },
  /** No entry is served past the moment a scheduled story becomes public. */
  setNextScheduledPublication(at: number | null): void {
    state.nextScheduledAt = at;
    if (at === null) return;
    for (const entry of state.entries.values()) entry.expiresAt = Math.min(entry.expiresAt, at);
  },
};
