// A database that cannot be reached is a 503 with a Korean message ("nothing was saved, try again
// later"), never a raw 500: checked with the real Prisma client and the real `pg` driver against
// a port where nothing listens, and a constraint error stays what it was.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { HTTP_STATUS } from "@/lib/api/error-status";
import { createPrismaClient } from "@/lib/db/client";
import { DATABASE_UNAVAILABLE_MESSAGE, domainErrorFromDatabase, isDatabaseUnreachable } from "@/lib/db/prisma-errors";
import { findFreePort } from "../support/test-cluster";

async function caught(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

describe("an unreachable database", () => {
  it("through Prisma (model queries and raw SQL) becomes UNAVAILABLE, a 503 in Korean", async () => {
    const db = createPrismaClient(`postgresql://nobody:secret@127.0.0.1:${await findFreePort()}/none`);
    try {
      for (const error of [await caught(() => db.user.findFirst()), await caught(() => db.$queryRaw`SELECT 1`)]) {
        const mapped = domainErrorFromDatabase(error);
        expect(mapped?.code).toBe("UNAVAILABLE");
        expect(mapped?.message).toBe(DATABASE_UNAVAILABLE_MESSAGE);
        expect(HTTP_STATUS.UNAVAILABLE).toBe(503);
      }
    } finally {
      await db.$disconnect();
    }
  });

  it("through the pg driver (the comment lane's pooled SQL) too", async () => {
    const client = new pg.Client({ connectionString: `postgresql://nobody:secret@127.0.0.1:${await findFreePort()}/none` });
    expect(isDatabaseUnreachable(await caught(() => client.connect()))).toBe(true);
  });

  it("and ordinary errors are left alone", () => {
    expect(isDatabaseUnreachable(new Error("boom"))).toBe(false);
    expect(domainErrorFromDatabase(new Error("boom"))).toBeNull();
  });
});
