// The response cache's memory: entries by key, bounded by bytes (least recently used go first),
// with an index from tag to keys so an invalidation drops exactly the entries that hold a tag.
import { LRUCache } from "lru-cache";
import type { StoredBody } from "@/server/response-cache/stored-body";

export interface CachedResponse {
  key: string;
  /** The path without host or query: entries of one path are its variants, and are bounded. */
  path: string;
  status: number;
  /**
   * The headers of its answers but `x-cache` and the body's encoding and length, made once when
   * stored: the ones replayed from the render (content type, location, the page's CSP with its
   * script hashes ...) and the cache's own (ETag, Vary, Cache-Control, Surrogate-Key).
   */
  headers: Record<string, string>;
  /** Whole header sets of its answers, per encoding (or 304) and outcome, made at the first answer of each. */
  answerHeaders?: Partial<Record<string, Partial<Record<string, Record<string, string>>>>>;
  body: StoredBody;
  etag: string;
  tags: string[];
  storedAt: number;
  expiresAt: number;
  /**
   * Once expired, until when it may still be answered while one render replaces it: set only
   * when its lifetime alone ended it (no change of its tags, scheduled publication, banner end or
   * midnight came first); 0 otherwise.
   */
  refreshUntil: number;
}

export interface CacheStats {
  hits: number;
  misses: number;
  bypasses: number;
  stores: number;
  invalidations: number;
  /** Expired entries answered because a fresh render failed. */
  staleServed: number;
  entries: number;
  bytes: number;
}

/**
 * Entries kept per path, whatever their query strings and Host headers: past it, storing one more
 * drops that path's oldest. Without a bound, requests with made-up search words or Host headers
 * would fill the budget with variants nobody asks for again and push real pages out.
 */
export const MAX_VARIANTS_PER_PATH = 100;

/** How many tags' last changes are remembered for renders in flight (see `ticket`). */
const MAX_REMEMBERED_CHANGES = 10_000;

export class CacheStore {
  private readonly entries: LRUCache<string, CachedResponse>;
  private readonly keysByTag = new Map<string, Set<string>>();
  /** Per path, its entries' keys, oldest stored first. */
  private readonly keysByPath = new Map<string, Set<string>>();
  readonly stats = { hits: 0, misses: 0, bypasses: 0, stores: 0, invalidations: 0, staleServed: 0 };
  /** Counts changes (drops and shortenings), so a render can tell which came while it ran. */
  private sequence = 0;
  /** Per tag: the last change that dropped its entries, and the last that shortened them. */
  private readonly changes = new Map<string, { droppedAt: number; shortenedAt: number; shortenedUntil: number }>();
  /** Tickets older than this are treated as overtaken by a drop (the change log was pruned). */
  private oldestKnownTicket = 0;

  constructor(
    maxBytes: number,
    /** How long past its expiry an entry may still stand in for a failed render. */
    private readonly staleForMs = 24 * 60 * 60_000,
  ) {
    this.entries = new LRUCache<string, CachedResponse>({
      maxSize: maxBytes,
      sizeCalculation: (entry) => Math.max(1, entry.body.size + 512),
      dispose: (entry) => this.unindex(entry),
    });
  }

  /** The entry while it is fresh. An expired one is kept (within `staleForMs`) for `getStale`. */
  get(key: string, now = Date.now()): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= now) {
      if (entry.expiresAt + this.staleForMs <= now) this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /**
   * The entry even if it has expired (but was not invalidated): what readers get when a fresh
   * render fails, e.g. while the database is down. Invalidated entries are gone for good.
   */
  getStale(key: string, now = Date.now()): CachedResponse | undefined {
    const entry = this.entries.peek(key);
    return entry && entry.expiresAt + this.staleForMs > now ? entry : undefined;
  }

  /** The entry once its lifetime has run out, while it may be answered as one render replaces it (see `refreshUntil`). */
  getRefreshable(key: string, now = Date.now()): CachedResponse | undefined {
    const entry = this.entries.peek(key);
    return entry && entry.expiresAt <= now && now < entry.refreshUntil ? entry : undefined;
  }

  /**
   * Taken before a render starts and given back to `set`: a page whose tags were invalidated
   * while it rendered may show what was there before (a story published during a home page's
   * render), so it is answered but not kept; one whose tags were shortened by readers' chatter
   * is kept only until that shortening ends.
   */
  ticket(): number {
    return this.sequence;
  }

  /** Stores `entry` unless a change to its tags since `ticket` makes it stale; true when stored. */
  set(entry: CachedResponse, ticket = this.sequence): boolean {
    if (ticket < this.oldestKnownTicket) return false;
    for (const tag of entry.tags) {
      const change = this.changes.get(tag);
      if (!change) continue;
      if (change.droppedAt > ticket) return false;
      if (change.shortenedAt > ticket) {
        entry.expiresAt = Math.min(entry.expiresAt, change.shortenedUntil);
        entry.refreshUntil = 0;
      }
    }
    this.makeRoomForVariant(entry);
    this.entries.set(entry.key, entry);
    if (!this.entries.has(entry.key)) return false; // larger than the whole budget
    let variants = this.keysByPath.get(entry.path);
    if (!variants) this.keysByPath.set(entry.path, (variants = new Set()));
    variants.add(entry.key);
    for (const tag of entry.tags) {
      let keys = this.keysByTag.get(tag);
      if (!keys) this.keysByTag.set(tag, (keys = new Set()));
      keys.add(entry.key);
    }
    this.stats.stores += 1;
    return true;
  }

  /** Drops the oldest variants of `entry`'s path while storing it would exceed MAX_VARIANTS_PER_PATH. */
  private makeRoomForVariant(entry: CachedResponse): void {
    const variants = this.keysByPath.get(entry.path);
    if (!variants || variants.has(entry.key)) return;
    for (const key of variants) {
      if (variants.size < MAX_VARIANTS_PER_PATH) break;
      this.entries.delete(key);
      variants.delete(key);
    }
  }

  private recordChange(tag: string, change: { dropped: boolean; until?: number }): void {
    const known = this.changes.get(tag) ?? { droppedAt: 0, shortenedAt: 0, shortenedUntil: 0 };
    if (change.dropped) known.droppedAt = this.sequence;
    else {
      known.shortenedAt = this.sequence;
      known.shortenedUntil = change.until ?? 0;
    }
    this.changes.set(tag, known);
    // Bounded: story and comment tags are many. Forgetting the log means every render running
    // now is treated as overtaken (answered, not kept), which costs one more render each.
    if (this.changes.size > MAX_REMEMBERED_CHANGES) {
      this.changes.clear();
      this.oldestKnownTicket = this.sequence;
    }
  }

  /**
   * Lets every entry holding any of `tags` live at most `withinMs` more: for changes that come
   * in storms (readers' comments and likes), so that a busy story's list is rendered at most once
   * per period instead of once per comment.
   */
  expireWithin(tags: Iterable<string>, withinMs: number, now = Date.now()): void {
    this.sequence += 1;
    for (const tag of tags) {
      this.recordChange(tag, { dropped: false, until: now + withinMs });
      for (const key of this.keysByTag.get(tag) ?? []) {
        const entry = this.entries.peek(key);
        if (entry) {
          // Cut short by a change: rendered again, not answered while it is.
          entry.expiresAt = Math.min(entry.expiresAt, now + withinMs);
          entry.refreshUntil = 0;
        }
      }
    }
  }

  /** Drops every entry holding any of `tags`; returns how many were dropped. */
  invalidate(tags: Iterable<string>): number {
    let dropped = 0;
    this.sequence += 1;
    for (const tag of tags) {
      this.recordChange(tag, { dropped: true });
      for (const key of [...(this.keysByTag.get(tag) ?? [])]) {
        if (this.entries.delete(key)) dropped += 1;
      }
    }
    if (dropped > 0) this.stats.invalidations += 1;
    return dropped;
  }

  clear(): void {
    this.entries.clear();
    this.keysByTag.clear();
    this.keysByPath.clear();
    this.sequence += 1;
    this.changes.clear();
    this.oldestKnownTicket = this.sequence;
  }

  snapshot(): CacheStats {
    return { ...this.stats, entries: this.entries.size, bytes: this.entries.calculatedSize };
  }

  private unindex(entry: CachedResponse): void {
    for (const tag of entry.tags) {
      const keys = this.keysByTag.get(tag);
      keys?.delete(entry.key);
      if (keys && keys.size === 0) this.keysByTag.delete(tag);
    }
    const variants = this.keysByPath.get(entry.path);
    variants?.delete(entry.key);
    if (variants && variants.size === 0) this.keysByPath.delete(entry.path);
  }
}
