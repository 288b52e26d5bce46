// A database connection opened while a request is being answered must not keep that request
// alive: Node keeps the AsyncLocalStorage stores active where a socket was made for as long as
// the socket lives, and pool connections live for the process. The pool opens them in the
// server's start-up context (lib/observability/root-context.ts).
import { afterAll, describe, expect, it } from "vitest";
import { createInstrumentedPool } from "@/lib/db/instrumented-pool";
import { runInRequestContext } from "@/lib/observability/request-context";
import { captureRootContext } from "@/lib/observability/root-context";
import { inThrowawayContext, isCollected } from "../support/garbage-collection";

captureRootContext();
const pool = createInstrumentedPool(process.env.DATABASE_URL ?? "", "primary", { max: 2 });
afterAll(() => pool.end());

describe("pool connections and the requests that opened them", () => {
  it("a connection opened during a request does not keep the request's context", async () => {
    const { result: opened, context } = await inThrowawayContext(async () => {
      const before = pool.totalCount;
      await pool.query("SELECT 1");
      return pool.totalCount - before;
    });
    expect(opened).toBe(1);
    expect(pool.totalCount).toBe(1);
    expect(await isCollected(context)).toBe(true);
    // The connection still serves.
    expect((await pool.query<{ n: number }>("SELECT 2 AS n")).rows[0]?.n).toBe(2);
  });
});

describe("queries are still counted against their request", () => {
  it("on a new connection and on one the pool already had", async () => {
    const fresh = createInstrumentedPool(process.env.DATABASE_URL ?? "", "primary", { max: 1 });
    try {
      const context = { requestId: "count-test", queryCount: 0 };
      await runInRequestContext(context, async () => {
        await fresh.query("SELECT 1");
        await fresh.query("SELECT 2");
      });
      expect(context.queryCount).toBe(2);
    } finally {
      await fresh.end();
    }
  });
});
