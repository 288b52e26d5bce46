// The response cache's memory: entries by key, bounded by bytes (least recently used go first),
// with an index from tag to keys so an invalidation drops exactly the entries that hold a tag.
import { LRUCache } from "lru-cache";
import type { PageTemplate } from "@/lib/runtime/response-cache/page-template";

export interface CachedResponse {
  key: string;
  status: number;
  /** Headers to send again (content type, location, the CSP with `{nonce}` where the nonce goes...). */
  headers: Record<string, string>;
  template: PageTemplate;
  /** The nonce the page was rendered with is replaced by a fresh one per response when this is true. */
  hasNonce: boolean;
  etag: string;
  tags: string[];
  storedAt: number;
  expiresAt: number;
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

export class CacheStore {
  private readonly entries: LRUCache<string, CachedResponse>;
  private readonly keysByTag = new Map<string, Set<string>>();
  readonly stats = { hits: 0, misses: 0, bypasses: 0, stores: 0, invalidations: 0, staleServed: 0 };

  constructor(
    maxBytes: number,
    /** How long past its expiry an entry may still stand in for a failed render. */
    private readonly staleForMs = 24 * 60 * 60_000,
  ) {
    this.entries = new LRUCache<string, CachedResponse>({
      maxSize: maxBytes,
      sizeCalculation: (entry) => Math.max(1, entry.template.size + 512),
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

  set(entry: CachedResponse): void {
    this.entries.set(entry.key, entry);
    if (!this.entries.has(entry.key)) return; // larger than the whole budget
    for (const tag of entry.tags) {
      let keys = this.keysByTag.get(tag);
      if (!keys) this.keysByTag.set(tag, (keys = new Set()));
      keys.add(entry.key);
    }
    this.stats.stores += 1;
  }

  /**
   * Lets every entry holding any of `tags` live at most `withinMs` more: for changes that come
   * in storms (readers' comments and likes), so that a busy story's list is rendered at most once
   * per period instead of once per comment.
   */
  expireWithin(tags: Iterable<string>, withinMs: number, now = Date.now()): void {
    for (const tag of tags) {
      for (const key of this.keysByTag.get(tag) ?? []) {
        const entry = this.entries.peek(key);
        if (entry) entry.expiresAt = Math.min(entry.expiresAt, now + withinMs);
      }
    }
  }

  /** Drops every entry holding any of `tags`; returns how many were dropped. */
  invalidate(tags: Iterable<string>): number {
    let dropped = 0;
    for (const tag of tags) {
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
  }
}
