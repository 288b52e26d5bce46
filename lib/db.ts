import "server-only";
import { readAppEnv } from "@/lib/config/env";
import type pg from "pg";
import { createPrismaClient, poolOf, type Db } from "@/lib/db/client";
import { createReaderClients, type ReaderClients } from "@/lib/db/read-replicas";

// One client per process, kept on globalThis so dev-mode hot reloads do not open new pools.
// It is created on first use, not at import, so `next build` can load modules without a database.
const globalForDb = globalThis as unknown as { newsroomDb?: Db; newsroomReaders?: ReaderClients | null };

function getDb(): Db {
  globalForDb.newsroomDb ??= createPrismaClient(readAppEnv().DATABASE_URL);
  return globalForDb.newsroomDb;
}

/** The read replicas of DATABASE_REPLICA_URLS, or null when none are configured. */
function getReaders(): ReaderClients | null {
  if (globalForDb.newsroomReaders === undefined) {
    const env = readAppEnv();
    const urls = env.DATABASE_REPLICA_URLS ?? [];
    globalForDb.newsroomReaders = urls.length > 0 ? createReaderClients(getDb(), urls, env.REPLICA_MAX_LAG_SECONDS) : null;
  }
  return globalForDb.newsroomReaders;
}

function lazyClient(resolve: () => Db): Db {
  return new Proxy({} as Db, {
    get(_target, property) {
      const client = resolve();
      const value: unknown = Reflect.get(client, property, client);
      return typeof value === "function" ? value.bind(client) : value;
    },
  });
}

/** The primary: every write, and every read by staff (they must see what they just saved). */
export const db = lazyClient(getDb);

/**
 * For readers' public queries (story pages, lists, search, feeds, sitemaps, comment lists):
 * reads go to a read replica when one is configured and usable, else to the primary.
 */
export const readerDb = lazyClient(() => getReaders()?.reader ?? getDb());

/** The pool under `db`, for hot paths that run their statements on pg directly (lib/db/sql.ts). */
export function dbPool(): pg.Pool {
  return poolOf(getDb());
}

/** A pool for readers' raw SQL: a usable replica's (and its route, to report a failure), else the primary's. */
export function readerPool(): { pool: pg.Pool; markFailed?: () => void } {
  const readers = getReaders();
  if (!readers) return { pool: dbPool() };
  const { pool, route } = readers.pickPool();
  return { pool, markFailed: route ? () => route.markDown() : undefined };
}
