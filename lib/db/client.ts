// Builds a Prisma client over node-postgres. Scripts (migrate, seed, tests) use this directly;
// the app goes through lib/db.ts, which keeps a single client for the process.
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { createInstrumentedPool, type DatabaseRole } from "@/lib/db/instrumented-pool";
import { PrismaClient } from "@/lib/generated/prisma/client";

// The pool under each client, for the few hot paths that talk to PostgreSQL directly
// (lib/db/sql.ts): one pool, so they share its connections (and its instrumentation) with
// Prisma. Kept on globalThis: the server process may hold two copies of this module (Next.js's
// bundle and the API fast lane's), and both must find the pool of the one shared client.
const globalForPools = globalThis as unknown as { newsroomPgPools?: WeakMap<object, pg.Pool> };
const pools = (globalForPools.newsroomPgPools ??= new WeakMap());

export function createPrismaClient(connectionString: string, role: DatabaseRole = "primary") {
  const pool = createInstrumentedPool(connectionString, role);
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const client = new PrismaClient({
    adapter,
    // No query, include or select can ever hand a password hash to a page or an API by accident;
    // the sign-in code asks for it explicitly with `omit: { passwordHash: false }`. A portal
    // destination's secret likewise: only delivery and the feed check read it (lib/portal/).
    omit: { user: { passwordHash: true }, portalDestination: { secret: true } },
  });
  pools.set(client, pool);
  return client;
}

export type Db = ReturnType<typeof createPrismaClient>;

/** The pg pool `client` runs on. */
export function poolOf(client: Db): pg.Pool {
  const pool = pools.get(client);
  if (!pool) throw new Error("poolOf: not a client made by createPrismaClient");
  return pool;
}

/** The client inside `db.$transaction(async (tx) => ...)`: what helpers that may run in a transaction take. */
export type DbTransaction = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
