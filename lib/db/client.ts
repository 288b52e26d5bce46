// Builds a Prisma client over node-postgres. Scripts (migrate, seed, tests) use this directly;
// the app goes through lib/db.ts, which keeps a single client for the process.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export function createPrismaClient(connectionString: string) {
  // A short connect timeout: an unreachable database should fail a request (and the health check)
  // within seconds, not hang it.
  const adapter = new PrismaPg({ connectionString, max: 10, connectionTimeoutMillis: 5_000 });
  return new PrismaClient({
    adapter,
    // No query, include or select can ever hand a password hash to a page or an API by accident;
    // the sign-in code asks for it explicitly with `omit: { passwordHash: false }`.
    omit: { user: { passwordHash: true } },
  });
}

export type Db = ReturnType<typeof createPrismaClient>;

/** The client inside `db.$transaction(async (tx) => ...)`: what helpers that may run in a transaction take. */
export type DbTransaction = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
