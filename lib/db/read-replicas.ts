// Readers' queries on PostgreSQL read replicas, through Prisma's read-replica extension
// (@prisma/extension-read-replicas): on the client it returns, reads outside a transaction go to
// a replica, writes and transactions to the primary. Staff code never uses it (lib/db.ts `db` is
// the primary alone), so an editor always sees what was just saved.
//
// Each replica client carries a fallback of ours: a replica that is down, or further behind the
// primary than REPLICA_MAX_LAG_SECONDS, is skipped and the query runs on the primary instead, so a
// reader gets a page (from the primary) rather than an error or a long-stale story.
import { readReplicas } from "@prisma/extension-read-replicas";
import type pg from "pg";
import { createPrismaClient, poolOf, type Db } from "@/lib/db/client";
import { metrics } from "@/lib/observability/metrics";
import { outsideAnyRequest } from "@/lib/observability/root-context";

/** How long a replica that failed a query is left alone before readers try it again. */
const RETRY_DOWN_REPLICA_MS = 5_000;
/** How often each replica's lag is measured. */
const LAG_CHECK_MS = 1_000;
/** How often a replica is asked whether it has replayed an announced change yet. */
const REPLAY_POLL_MS = 10;
/** Primary WAL positions remembered for the lag measure (about an hour at one a second). */
const MAX_SAMPLES = 3_600;

/** Beyond every WAL position (LSNs are 64-bit). */
const PAST_ANY_WAL = 2n ** 64n;

/** "16/B374D848" → a number that orders like the WAL position. */
export function lsnToBigInt(lsn: string): bigint {
  const [high = "0", low = "0"] = lsn.split("/");
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

/**
 * One replica: its client, whether readers may use it now, and its lag. The lag is the age of the
 * oldest primary WAL position (sampled every second) that the replica has not replayed yet: 0
 * when it has replayed everything the primary had a second ago, growing while replay is stuck.
 */
class ReplicaRoute {
  readonly client: Db;
  private downUntil = 0;
  private samples: Array<{ at: number; lsn: bigint }> = [];
  /** Announced changes not yet known to be replayed here. */
  private awaitedChanges = 0;
  lagSeconds = 0;

  constructor(
    readonly url: string,
    private readonly maxLagSeconds: number,
  ) {
    this.client = createPrismaClient(url, "replica");
  }

  get pool(): pg.Pool {
    return poolOf(this.client);
  }

  usable(now = Date.now()): boolean {
    return now >= this.downUntil && this.lagSeconds <= this.maxLagSeconds && this.awaitedChanges === 0;
  }

  /**
   * A change was committed on the primary and announced (the caches drop what it touches):
   * readers stay off this replica until it has replayed that change, so a page re-rendered now
   * cannot be built from the state before it and then cached. Usually a few milliseconds.
   */
  async awaitReplayOf(primary: pg.Pool): Promise<void> {
    this.awaitedChanges += 1;
    try {
      const current = await primary.query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn").catch(() => null);
      // The primary cannot say where it is (down): nothing to wait for, and the replica may be
      // all readers have.
      if (!current) return;
      const target = lsnToBigInt(current.rows[0]!.lsn);
      const deadline = Date.now() + this.maxLagSeconds * 1000;
      while (Date.now() < deadline) {
        const replay = await this.pool.query<{ lsn: string | null }>("SELECT pg_last_wal_replay_lsn()::text AS lsn");
        const replayed = replay.rows[0]!.lsn;
        if (replayed === null || lsnToBigInt(replayed) >= target) return;
        await new Promise((resolve) => setTimeout(resolve, REPLAY_POLL_MS));
      }
      // Not replayed within the lag bound: the lag measure now keeps readers away instead.
    } catch {
      this.markDown();
    } finally {
      this.awaitedChanges -= 1;
    }
  }

  markDown(now = Date.now()): void {
    this.downUntil = now + RETRY_DOWN_REPLICA_MS;
  }

  /** Samples the primary's WAL position and this replica's replay position; updates the lag. */
  async measureLag(primary: pg.Pool, now = Date.now()): Promise<void> {
    const current = await primary.query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn");
    this.samples.push({ at: now, lsn: lsnToBigInt(current.rows[0]!.lsn) });
    if (this.samples.length > MAX_SAMPLES) this.samples.shift();
    let replayed: bigint;
    try {
      const replay = await this.pool.query<{ lsn: string | null }>("SELECT pg_last_wal_replay_lsn()::text AS lsn");
      // null: not a standby at all (a misconfigured URL pointing at a primary): nothing lags.
      replayed = replay.rows[0]!.lsn === null ? PAST_ANY_WAL : lsnToBigInt(replay.rows[0]!.lsn);
    } catch {
      this.markDown(now);
      return;
    }
    const oldestMissing = this.samples.find((sample) => sample.lsn > replayed);
    this.samples = this.samples.filter((sample) => sample.lsn > replayed);
    this.lagSeconds = oldestMissing ? (now - oldestMissing.at) / 1000 : 0;
  }
}

/** Calls `operation` on `client`'s model delegate (or the client itself for raw operations). */
function runOn(client: Db, model: string | undefined, operation: string, args: unknown): Promise<unknown> {
  const target: unknown = model ? Reflect.get(client, model.charAt(0).toLowerCase() + model.slice(1)) : client;
  const method: unknown = target && typeof target === "object" ? Reflect.get(target, operation) : undefined;
  if (typeof method !== "function") throw new Error(`no ${operation} on ${model ?? "client"}`);
  return Promise.resolve(method.call(target, args) as unknown);
}

/** The replica's client, skipping to the primary while the replica is down or lagging. */
function withPrimaryFallback(route: ReplicaRoute, primary: Db) {
  return route.client.$extends({
    query: {
      async $allOperations({ model, operation, args, query }) {
        if (!route.usable()) return runOn(primary, model, operation, args);
        try {
          return await query(args);
        } catch {
          // The same read on the primary: if it fails too, the fault is not the replica's and
          // the primary's error is the one to report.
          const result = await runOn(primary, model, operation, args);
          route.markDown();
          return result;
        }
      },
    },
  });
}

export interface ReaderClients {
  /** Prisma client for readers' queries: reads on a usable replica, everything else on the primary. */
  reader: Db;
  routes: ReplicaRoute[];
  /** Readers leave the replicas until each has replayed everything committed so far. */
  awaitReplay(): Promise<void>;
  /** A pg pool for readers' raw SQL: a usable replica's, or the primary's. */
  pickPool(): { pool: pg.Pool; route?: ReplicaRoute };
  stop(): Promise<void>;
}

export function createReaderClients(primary: Db, replicaUrls: string[], maxLagSeconds: number): ReaderClients {
  const routes = replicaUrls.map((url) => new ReplicaRoute(url, maxLagSeconds));
  // The extension types its replicas as @prisma/client's generic PrismaClient, which our
  // generated (and extended) client does not match structurally; at run time it only calls
  // replica[model][operation](args), which these clients have.
  const replicas = routes.map((route) => withPrimaryFallback(route, primary)) as never[];
  const extended = primary.$extends(readReplicas({ replicas }));
  const lagGauge = metrics().replicaLag;
  let measuring = false;
  // Made when readers first query (inside a request) but lives for the process.
  const timer = outsideAnyRequest(() => setInterval(() => {
    if (measuring) return;
    measuring = true;
    void Promise.all(routes.map((route) => route.measureLag(poolOf(primary))))
      .then(() => lagGauge.set(Math.max(0, ...routes.map((route) => route.lagSeconds))))
      .catch(() => undefined) // the primary is unreachable: the health check reports that
      .finally(() => {
        measuring = false;
      });
  }, LAG_CHECK_MS));
  timer.unref();
  return {
    // The extension adds $primary()/$replica() and routes reads; the model API is the primary's.
    reader: extended as unknown as Db,
    routes,
    async awaitReplay() {
      await Promise.all(routes.map((route) => route.awaitReplayOf(poolOf(primary))));
    },
    pickPool() {
      const usable = routes.filter((route) => route.usable());
      const route = usable[Math.floor(Math.random() * usable.length)];
      return route ? { pool: route.pool, route } : { pool: poolOf(primary) };
    },
    async stop() {
      clearInterval(timer);
      await Promise.all(routes.map((route) => route.client.$disconnect()));
    },
  };
}

// lib/db.ts keeps the process's reader clients here; the response cache's invalidation listener
// (outside Next.js's bundle, so it cannot import lib/db.ts) finds them through it.
const holder = globalThis as unknown as { newsroomReaders?: ReaderClients | null };

/**
 * Called as a committed change is announced, before caches drop what it touched: readers read
 * the primary until the replicas have replayed it (nothing to do without replicas).
 */
export function holdReadersUntilReplayed(): void {
  void holder.newsroomReaders?.awaitReplay();
}
