import "server-only";
import { readAppEnv } from "@/lib/config/env";
import type pg from "pg";
import { createPrismaClient, poolOf, type Db } from "@/lib/db/client";

// One client per process, kept on globalThis so dev-mode hot reloads do not open new pools.
// It is created on first use, not at import, so `next build` can load modules without a database.
const globalForDb = globalThis as unknown as { newsroomDb?: Db };

function getDb(): Db {
  globalForDb.newsroomDb ??= createPrismaClient(readAppEnv().DATABASE_URL);
  return globalForDb.newsroomDb;
}

export const db = new Proxy({} as Db, {
  get(_target, property) {
    const client = getDb();
    const value: unknown = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/** The pool under `db`, for hot paths that run their statements on pg directly (lib/db/sql.ts). */
export function dbPool(): pg.Pool {
  return poolOf(getDb());
}
