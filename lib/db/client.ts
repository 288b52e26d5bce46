// Builds a Prisma client over node-postgres. Scripts (migrate, seed, tests) use this directly;
// the app goes through lib/db.ts, which keeps a single client for the process.
import { PrismaPg } from "@prisma/adapter-pg";
import { createInstrumentedPool, type DatabaseRole } from "@/lib/db/instrumented-pool";
import { PrismaClient } from "@/lib/generated/prisma/client";

export function createPrismaClient(connectionString: string, role: DatabaseRole = "primary") {
  const adapter = new PrismaPg(createInstrumentedPool(connectionString, role), { disposeExternalPool: true });
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
