// The pg pool under Prisma, with every SQL query timed (for /metrics) and counted against the
// request it ran for (the benchmark checks how many queries a page render makes).
import { AsyncResource } from "node:async_hooks";
import pg from "pg";
import { metrics } from "@/lib/observability/metrics";
import { currentRequestContext } from "@/lib/observability/request-context";
import { outsideAnyRequest } from "@/lib/observability/root-context";

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

/**
 * The pool opens a connection when a request needs one, and the connection (its socket, its
 * listeners, pg-pool's timers around it) lives far longer than that request: it is opened in the
 * server's start-up context (see root-context.ts). Whoever asked still gets their answer in
 * their own context (the callback is bound to it; a returned promise resumes its awaiter there),
 * so queries are still counted against their request.
 */
type Callback = (...args: unknown[]) => void;

/**
 * `callback`, to be run in the context it is wrapped in. Not AsyncResource.bind, which builds two
 * deprecation wrappers per call (Node 20): 14 µs against 0.4 µs, on every query (CPU profile of
 * the comment bench). A function of its own so that what it captures stays out of the caller's
 * closures (the stand-in below lives as long as its connection).
 */
function inCallersContext(callback: Callback): Callback {
  const caller = new AsyncResource("newsroom.pool-connect");
  return (...args) => caller.runInAsyncScope(callback, null, ...args);
}

function keepConnectionsOutsideRequests(pool: pg.Pool): void {
  const connect = pool.connect.bind(pool) as (callback?: Callback) => unknown;
  (pool as { connect: unknown }).connect = (callback?: Callback) => {
    if (!callback) return outsideAnyRequest(() => connect());
    // pg keeps the first connect callback of a new connection in the connection's listeners for
    // good: it gets a stand-in that lets go of the caller's (context-bound) callback once called.
    const waiting: { callback: Callback | null } = { callback: inCallersContext(callback) };
    return outsideAnyRequest(() =>
      connect((...args: unknown[]) => {
        const answer = waiting.callback;
        waiting.callback = null;
        answer?.(...args);
      }),
    );
  };
}

export function createInstrumentedPool(connectionString: string, role: DatabaseRole, options: { max?: number } = {}): pg.Pool {
  // A short connect timeout: an unreachable database should fail a request (and the health
  // check) within seconds, not hang it.
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, connectionTimeoutMillis: 5_000 });
  keepConnectionsOutsideRequests(pool);
  pool.on("connect", (client) => {
    instrument(client, role);
    // pg emits "error" on a client whose connection drops (PostgreSQL stopped or restarted, the
    // backend terminated), and the pool listens only while the client is idle: a client checked
    // out at that moment, between two queries of a transaction, had no listener, and the
    // unhandled error took the whole process down. The client's queries fail on their own (the
    // caller sees that); the pool drops the client when it is released.
    client.on("error", () => undefined);
  });
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
