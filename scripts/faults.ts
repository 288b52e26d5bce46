// npm run test:faults: the full fault drills against the real app (production build, started
// through scripts/start.ts) and its own embedded PostgreSQL, loopback only, bounded in time:
//   kill      SIGKILL in the middle of concurrent story saves, submissions and comment posts;
//   outage    PostgreSQL stopped for 10 s under reader load;
//   editor-outage  the same, with a reporter typing in the story editor (Chromium);
//   media     a read-only, then a full media folder during an upload (needs tmpfs mounts: root);
//   soak      moderate reader and comment load for FAULTS_SOAK_SECONDS (60 by default);
//   replica-lag, replica-down  on a second app that reads through a streaming replica
//             (tests/support/replica-drills.ts): the replica's replay paused, then the replica
//             crashed and restarted, under reader load.
// Writes bench/faults.json and renders bench/FAULTS.md from it (FAULTS_ONLY runs write neither);
// exits 1 when any drill found a violation. A drill that could not run here (the editor's
// without Chromium) is reported as skipped, not passed.
import { writeFile } from "node:fs/promises";
import { register } from "node:module";
import os from "node:os";
import path from "node:path";
import { ensureProductionBuild } from "@/server/build";
import { SERVER_ONLY_IS_EMPTY } from "@/server/server-only-hook";
import { gitCommit } from "@/tests/support/bench-app";
import { startFaultApp, type FaultApp } from "@/tests/support/fault-app";
import { databaseOutageDrill, killDuringWritesDrill, mediaFolderDrill, soakDrill, type DrillResult } from "@/tests/support/fault-drills";
import { editorOutageDrill } from "@/tests/support/editor-outage-drill";
import { RSS_LEVELS_OFF } from "@/tests/support/memory-trend";
import { replicaDownDrill, replicaLagDrill } from "@/tests/support/replica-drills";
import { drillVerdict, renderFaultsMarkdown, type FaultDrillRecord, type FaultsFile } from "./bench/faults-report";

// The demo seed loads the rights desk's server-only modules (lib/claims/demo-claim.ts) outside Next.js.
register(SERVER_ONLY_IS_EMPTY);

const SOAK_SECONDS = Number(process.env.FAULTS_SOAK_SECONDS ?? 60);
const KILL_ROUNDS = Number(process.env.FAULTS_KILL_ROUNDS ?? 3);
const log = (line: string) => console.log(`[faults] ${line}`);
/** FAULTS_ONLY=replica-lag,replica-down runs just those (while working on them). */
const ONLY = process.env.FAULTS_ONLY?.split(",").map((name) => name.trim());

/** The replica drills' app skips a replica further behind than this (REPLICA_MAX_LAG_SECONDS). */
const REPLICA_MAX_LAG_SECONDS = 3;

interface Drill {
  name: string;
  what: string;
  run: (app: FaultApp) => Promise<DrillResult>;
  /** Runs on the app that reads through a streaming replica. */
  replica?: true;
}

const DRILLS: Drill[] = [
  ...Array.from({ length: KILL_ROUNDS }, (_, round) => ({
    name: `kill-${round + 1}`,
    what: "SIGKILL during 200 concurrent saves, submissions and comments; restart; every write whole or absent, every acknowledged one present",
    run: (app: FaultApp) => killDuringWritesDrill(app, 200),
  })),
  { name: "outage", what: "PostgreSQL stopped 10 s under 6 reader loops and a comment poster; health 503 then 200; staff write 503 in Korean", run: (app) => databaseOutageDrill(app, 10_000, 6) },
  {
    name: "editor-outage",
    what: "Chromium: a reporter types while PostgreSQL is stopped; Korean message in the editor, Korean page on reload, the text kept on the device, offered back and saved once PostgreSQL is up",
    run: (app) => editorOutageDrill(app),
  },
  { name: "media", what: "upload into a read-only, then a full (24 KB tmpfs) media folder: Korean 503, no row, no partial file", run: (app) => mediaFolderDrill(app) },
  {
    name: "soak",
    what: `${SOAK_SECONDS} s of 4 reader loops and a comment a second: no errors, RSS levels off (the last third of the samples within ${RSS_LEVELS_OFF.maxGrowthPct}% of the middle third, at least ${RSS_LEVELS_OFF.minSamples} samples)`,
    run: (app) => soakDrill(app, SOAK_SECONDS, { judgeMemory: true }),
  },
  {
    name: "replica-lag",
    what: `replica replay paused 15 s (lag bound ${REPLICA_MAX_LAG_SECONDS} s) under 4 reader loops, 2 of them past the response cache; a story published 1 s in must show on its page and home and stay`,
    run: (app) => replicaLagDrill(app, 15_000, 4),
    replica: true,
  },
  {
    name: "replica-down",
    what: "replica stopped (pg_ctl -m immediate) 10 s under 4 reader loops, then restarted; a story published while down must show; readers back on the replica after",
    run: (app) => replicaDownDrill(app, 10_000, 4),
    replica: true,
  },
];

async function runDrills(app: FaultApp, drills: Drill[], results: FaultDrillRecord[]) {
  try {
    for (const drill of drills) {
      log(`${drill.name}: ${drill.what}`);
      const startedAt = Date.now();
      let result: DrillResult;
      try {
        result = await drill.run(app);
      } catch (error) {
        result = { figures: {}, violations: [`the drill itself failed: ${error instanceof Error ? error.message : String(error)}`] };
      }
      const record = { name: drill.name, what: drill.what, ms: Date.now() - startedAt, ...result };
      results.push(record);
      if (result.violations.length > 0) console.log(`[faults] the app's last output:\n${app.appOutput().slice(-4000)}`);
      log(`${drill.name}: ${drillVerdict(record)} ${JSON.stringify(result.figures)}`);
    }
  } finally {
    await app.stop();
  }
}

async function main() {
  await ensureProductionBuild(log);
  const results: FaultDrillRecord[] = [];
  const chosen = DRILLS.filter((drill) => !ONLY || ONLY.includes(drill.name));
  const plain = chosen.filter((drill) => !drill.replica);
  const onReplica = chosen.filter((drill) => drill.replica);
  if (plain.length > 0) await runDrills(await startFaultApp({ log }), plain, results);
  if (onReplica.length > 0) await runDrills(await startFaultApp({ log, replica: { maxLagSeconds: REPLICA_MAX_LAG_SECONDS } }), onReplica, results);
  const failed = results.filter((entry) => entry.violations.length > 0);
  if (failed.length > 0) process.exitCode = 1;
  // A run of some drills (FAULTS_ONLY) is not the record of the full run.
  if (ONLY) {
    log("FAULTS_ONLY: bench/faults.json and FAULTS.md left as they were");
    return;
  }
  const cpus = os.cpus();
  const record: FaultsFile = {
    date: new Date().toISOString(),
    commit: await gitCommit(),
    command: "npm run test:faults",
    machine: { cpu: cpus[0]?.model ?? "unknown", cores: cpus.length, memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
    drills: results,
  };
  const dir = path.join(process.cwd(), "bench");
  await writeFile(path.join(dir, "faults.json"), `${JSON.stringify(record, null, 2)}\n`);
  await writeFile(path.join(dir, "FAULTS.md"), renderFaultsMarkdown(record));
  log(`wrote ${dir}/faults.json and FAULTS.md`);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
