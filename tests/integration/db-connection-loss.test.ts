// A database connection that drops while the app holds it (PostgreSQL stopped or restarted, the
// backend terminated) fails that connection's queries and nothing more: it must not take the
// process down. The fault drills' outage found the app gone when PostgreSQL stopped while a
// transaction held a connection between two statements.
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createInstrumentedPool } from "@/lib/db/instrumented-pool";

const url = process.env.DATABASE_URL!;
const pool = createInstrumentedPool(url, "primary", { max: 2 });
const admin = new pg.Client({ connectionString: url });

afterAll(async () => {
  await pool.end();
  await admin.end();
});

describe("a connection lost while checked out", () => {
  it("is an error for its next query, not an uncaught exception; the pool hands out a new one", async () => {
    await admin.connect();
    const client = await pool.connect();
    await client.query("BEGIN");
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const ended = new Promise((resolve) => client.once("end", resolve));
    await admin.query("SELECT pg_terminate_backend($1)", [rows[0]!.pid]);
    // The connection is gone (pg says so with "end"); without a listener its "error" would have
    // been an uncaught exception here, which fails this run.
    await ended;
    await expect(client.query("SELECT 1")).rejects.toThrow();
    client.release(true);
    expect((await pool.query<{ one: number }>("SELECT 1 AS one")).rows[0]!.one).toBe(1);
  });
});
