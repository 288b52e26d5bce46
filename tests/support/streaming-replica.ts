// A primary PostgreSQL and a streaming hot-standby replica of it, both from the embedded
// binaries, for tests of read replicas (and of anything that must survive a lagging or stopped
// replica). The embedded package ships only initdb, pg_ctl and postgres, so the replica is made
// the way PostgreSQL's documentation describes without pg_basebackup: a base copy taken between
// pg_backup_start() and pg_backup_stop() (lib/db/base-backup.ts), then standby.signal and
// primary_conninfo, streaming through a physical replication slot so no WAL it needs is removed.
//
//   const cluster = await startStreamingReplica();
//   await applyMigrations(cluster.primaryUrl("newsroom"));  // replicated like any other write
//   await cluster.waitForReplay();
//   ... cluster.replicaUrl("newsroom"), cluster.pauseReplay(), cluster.stopReplica() ...
//   await cluster.stop();
import { randomBytes } from "node:crypto";
import { appendFile, chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { takeBaseBackup } from "@/lib/db/base-backup";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { killPostgres, startPostgres, stopPostgres } from "@/lib/db/postgres-process";
import { findFreePort } from "./test-cluster";

const SLOT = "newsroom_replica";

export interface StreamingReplica {
  primaryUrl(database: string): string;
  replicaUrl(database: string): string;
  /** Waits (up to `timeoutMs`) until the replica has replayed everything the primary wrote so far. */
  waitForReplay(timeoutMs?: number): Promise<void>;
  /** Stops applying WAL on the replica (it still receives it): the replica falls behind. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  stopReplica(): Promise<void>;
  /** Stops the replica at once, as a crash would (pg_ctl stop -m immediate). */
  crashReplica(): Promise<void>;
  startReplica(): Promise<void>;
  stop(): Promise<void>;
}

async function query<Row extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Starts a fresh primary (with `database` created) and a streaming replica of it. */
export async function startStreamingReplica(options: { database?: string } = {}): Promise<StreamingReplica> {
  const folder = await mkdtemp(path.join(tmpdir(), "newsroom-replica-"));
  await chmod(folder, 0o755); // PostgreSQL runs as `postgres` when tests run as root
  const password = "replica-test-password";
  const replicationPassword = randomBytes(12).toString("hex");
  const primaryDir = path.join(folder, "primary");
  const replicaDir = path.join(folder, "replica");
  const [primaryPort, replicaPort] = [await findFreePort(), await findFreePort()];

  // wal_level=replica and max_wal_senders=10 are PostgreSQL's defaults, and initdb's pg_hba.conf
  // already lets any role with REPLICATION connect for replication from 127.0.0.1.
  const primary = await startEmbeddedPostgres({ dataDir: primaryDir, port: primaryPort, password, database: options.database ?? "newsroom" });
  const primaryUrl = primary.urlFor;
  const replicaUrl = (database: string) => {
    const url = new URL(primaryUrl(database));
    url.port = String(replicaPort);
    return url.toString();
  };

  let replicaRunning = false;
  try {
    await query(primaryUrl("postgres"), `CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD '${replicationPassword}'`);
    await query(primaryUrl("postgres"), "SELECT pg_create_physical_replication_slot($1)", [SLOT]);
    await takeBaseBackup({ adminUrl: primaryUrl("postgres"), dataDir: primaryDir, targetDir: replicaDir, label: "newsroom test replica" });
    await writeFile(path.join(replicaDir, "standby.signal"), "");
    await appendFile(
      path.join(replicaDir, "postgresql.auto.conf"),
      `primary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=replicator password=${replicationPassword} application_name=${SLOT}'\n` +
        `primary_slot_name = '${SLOT}'\n`,
    );
    await startPostgres(replicaDir, replicaPort);
    replicaRunning = true;
  } catch (error) {
    await primary.stop();
    await rm(folder, { recursive: true, force: true });
    throw error;
  }

  const cluster: StreamingReplica = {
    primaryUrl,
    replicaUrl,
    async waitForReplay(timeoutMs = 20_000) {
      const [current] = await query<{ lsn: string }>(primaryUrl("postgres"), "SELECT pg_current_wal_lsn()::text AS lsn");
      const lsn = current!.lsn;
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const [row] = await query<{ caught_up: boolean }>(replicaUrl("postgres"), "SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS caught_up", [lsn]);
        if (row?.caught_up) return;
        if (Date.now() > deadline) throw new Error(`the replica did not replay up to ${lsn} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async pauseReplay() {
      await query(replicaUrl("postgres"), "SELECT pg_wal_replay_pause()");
    },
    async resumeReplay() {
      await query(replicaUrl("postgres"), "SELECT pg_wal_replay_resume()");
    },
    async stopReplica() {
      await stopPostgres(replicaDir);
      replicaRunning = false;
    },
    async crashReplica() {
      await killPostgres(replicaDir);
      replicaRunning = false;
    },
    async startReplica() {
      await startPostgres(replicaDir, replicaPort);
      replicaRunning = true;
    },
    async stop() {
      if (replicaRunning) await stopPostgres(replicaDir);
      await primary.stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
  return cluster;
}
