// The app and its own embedded PostgreSQL for fault drills (tests/e2e/faults.test.ts and
// scripts/faults.ts): both can be stopped and started again on the same data and port, the app
// killed with SIGKILL, all on loopback. Seeded with the demo newsroom. With `replica`, the
// database is a primary with a streaming replica (tests/support/streaming-replica.ts) that the
// app reads through (DATABASE_REPLICA_URLS), for the replica drills.
import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createPrismaClient } from "@/lib/db/client";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrations";
import { localDiskStorage } from "@/lib/media/storage";
import { seedDemoNewsroom } from "@/lib/seed/demo-newsroom";
import { processTreeRssMb } from "./process-memory";
import { runStart, type StartedProcess } from "./run-start";
import { startStreamingReplica, type StreamingReplica } from "./streaming-replica";
import { findFreePort } from "./test-cluster";

const DATABASE = "newsroom_faults";
const PG_PASSWORD = "fault-drill-password";

export interface FaultApp {
  baseUrl: string;
  databaseUrl: string;
  mediaDir: string;
  demoPassword: string;
  /** The streaming replica the app reads through, when started with `replica`. */
  replica?: StreamingReplica;
  /** Starts (or starts again) the app and waits until it is ready. */
  startApp(): Promise<void>;
  /** SIGKILL to the app and every process under it: no shutdown of any kind. */
  killApp(): Promise<void>;
  stopDatabase(): Promise<void>;
  startDatabase(): Promise<void>;
  appRssMb(): Promise<number>;
  appOutput(): string;
  stop(): Promise<void>;
}

async function descendantsOf(rootPid: number): Promise<number[]> {
  const { readdir, readFile } = await import("node:fs/promises");
  const parents = new Map<number, number>();
  for (const name of await readdir("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, "utf8").catch(() => "");
    const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (parent) parents.set(Number(name), parent);
  }
  const found = [rootPid];
  for (let i = 0; i < found.length; i += 1) for (const [pid, parent] of parents) if (parent === found[i]) found.push(pid);
  return found;
}

export async function startFaultApp(options: { log?: (line: string) => void; replica?: { maxLagSeconds: number } } = {}): Promise<FaultApp> {
  const log = options.log ?? (() => undefined);
  const folder = await mkdtemp(path.join(tmpdir(), "newsroom-faults-"));
  await chmod(folder, 0o755);
  const mediaDir = path.join(folder, "media");
  await mkdir(mediaDir, { recursive: true });
  const pgOptions = { dataDir: path.join(folder, "postgres"), port: await findFreePort(), password: PG_PASSWORD, database: DATABASE };
  const replica = options.replica ? await startStreamingReplica({ database: DATABASE }) : undefined;
  let database: EmbeddedDatabase | undefined = replica ? undefined : await startEmbeddedPostgres(pgOptions);
  const databaseUrl = replica ? replica.primaryUrl(DATABASE) : database!.urlFor(DATABASE);
  await applyMigrations(databaseUrl);
  const demoPassword = "fault-drill-demo-password";
  const db = createPrismaClient(databaseUrl);
  try {
    await seedDemoNewsroom(db, { password: async () => demoPassword, storage: localDiskStorage(mediaDir) });
  } finally {
    await db.$disconnect();
  }
  await replica?.waitForReplay(60_000);

  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let app: StartedProcess | undefined;
  const env = {
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: "127.0.0.1",
    MEDIA_DIR: mediaDir,
    NEXTAUTH_SECRET: "fault-drill-secret-fault-drill-secret-00",
    NEXTAUTH_URL: baseUrl,
    IP_HASH_SALT: "fault-drill-ip-hash-salt",
    LOG_LEVEL: "warn",
    ...(replica && options.replica
      ? { DATABASE_REPLICA_URLS: replica.replicaUrl(DATABASE), REPLICA_MAX_LAG_SECONDS: String(options.replica.maxLagSeconds) }
      : {}),
  };

  const fault: FaultApp = {
    baseUrl,
    databaseUrl,
    mediaDir,
    demoPassword,
    replica,
    async startApp() {
      app = runStart(env);
      await app.waitForOutput(/ready: http/, 120_000);
      log(`app ready on ${baseUrl}`);
    },
    async killApp() {
      if (!app?.child.pid) return;
      for (const pid of await descendantsOf(app.child.pid)) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
      await app.exited;
    },
    async stopDatabase() {
      if (replica) throw new Error("the outage drill runs without a replica");
      await database?.stop();
      database = undefined;
    },
    async startDatabase() {
      if (replica) throw new Error("the outage drill runs without a replica");
      database ??= await startEmbeddedPostgres(pgOptions);
    },
    appRssMb: () => (app?.child.pid ? processTreeRssMb(app.child.pid) : Promise.resolve(0)),
    appOutput: () => app?.output() ?? "",
    async stop() {
      if (app && app.child.exitCode === null) {
        app.child.kill("SIGTERM");
        await Promise.race([app.exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        if (app.child.exitCode === null) await fault.killApp();
      }
      await database?.stop().catch(() => undefined);
      await replica?.stop().catch(() => undefined);
      await rm(folder, { recursive: true, force: true });
    },
  };
  try {
    await fault.startApp();
  } catch (error) {
    await fault.stop();
    throw error;
  }
  return fault;
}
