// A response-cache entry as a render would have stored it, for tests of what drops entries.
import type { CachedResponse } from "@/server/response-cache/cache-store";
import { storeBody } from "@/server/response-cache/stored-body";

/** An entry for `key` holding `tags`, fresh for ten minutes. */
export function storedPage(key: string, tags: string[]): CachedResponse {
  const now = Date.now();
  return { key, path: key, status: 200, headers: {}, body: storeBody(Buffer.from(key)), etag: `W/"${key}"`, tags, storedAt: now, expiresAt: now + 600_000, refreshUntil: 0 };
}
