// The pg pool under Prisma, with every SQL query timed (for /metrics) and counted against the
// request it ran for (the benchmark checks how many queries a page render makes).
import pg from "pg";
import { metrics } from "@/lib/observability/metrics";
import { currentRequestContext } from "@/lib/observability/request-context";

export type DatabaseRole = "primary" | "replica";

const INSTRUMENTED = Symbol("newsroom.instrumented");

function instrument(client: pg.PoolClient, role: DatabaseRole): void {
  const marked = client as pg.PoolClient & { [INSTRUMENTED]?: boolean };
  if (marked[INSTRUMENTED]) return;
  marked[INSTRUMENTED] = true;
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const histogram = metrics().dbQueryDuration.labels(role);
  (client as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const context = currentRequestContext();
    if (context) context.queryCount += 1;
    const end = histogram.startTimer();
    const result = query(...args);
    if (result instanceof Promise) void result.then(() => end(), () => end());
    else end();
    return result;
  };
}

export function createInstrumentedPool(connectionString: string, role: DatabaseRole, options: { max?: number } = {}): pg.Pool {
  // A short connect timeout: an unreachable database should fail a request (and the health
  // check) within seconds, not hang it.
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, connectionTimeoutMillis: 5_000 });
  pool.on("connect", (client) => instrument(client, role));
  pool.on("error", () => undefined); // an idle client's connection dropped; the pool replaces it
  const gauge = metrics().dbPoolConnections;
  const collect = () => {
    gauge.labels(role, "total").set(pool.totalCount);
    gauge.labels(role, "idle").set(pool.idleCount);
    gauge.labels(role, "waiting").set(pool.waitingCount);
  };
  pool.on("acquire", collect);
  pool.on("release", collect);
  return pool;
}
