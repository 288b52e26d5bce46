// Two builds of the app (two worktrees), or one build with two sets of Node settings, measured on
// search (target 5) in turns (A, B, B, A, ...) on the bench's 50,000-story dataset, pinned as the
// bench pins (the app and PostgreSQL on CPU 0, wrk on CPU 1), the response cache off. Each turn does
// what main.ts does for its search figures: a fresh app, warmed, cache misses at the bench's 50
// connections (they leave the heap as the search phase finds it), then each kind of query one
// request at a time (uncached-phase.ts). Reports each side's median p50/p95/p99 per kind, the
// app's CPU time per search request and its peak resident memory. Usage:
//   npx tsx scripts/bench/ab-search.ts --a <worktree> --b <worktree> [--a-args "..."] [--b-args "..."]
//     [--rounds 4] [--seconds 10] [--miss-seconds 10] [--cache-dir .bench-cache]
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { articlePath } from "@/lib/articles/public/article-url";
import { abCommandLine, runPinned } from "./ab-sides";
import { startApp, type AppProcess } from "./app-process";
import { openBenchCluster } from "./dataset";
import { measurePaths, median, type Measured } from "./measure";
import { startMemorySampler } from "./memory";
import { allSearchPaths, loadStories, measureSearchKinds, warm } from "./uncached-phase";

const log = (line: string) => console.log(`[ab-search ${new Date().toISOString().slice(11, 19)}] ${line}`);
const { option, sides, cacheDir } = abCommandLine(process.argv.slice(2));
const rounds = Number(option("--rounds", "4"));
const seconds = Number(option("--seconds", "10"));
const missSeconds = Number(option("--miss-seconds", "10"));
const SIZE = 50_000;
const DATABASE = "bench_ab_search";
const load = () => os.loadavg().map((n) => n.toFixed(2)).join(" ");

function printTable(results: Record<string, Measured[]>): void {
  console.log(`\n| kind side | median p50 ms | median p95 ms | median p99 ms | median req/s | median us CPU/request | runs' p95 ms | runs' us CPU/request |\n| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |`);
  for (const [key, runs] of Object.entries(results).sort(([a], [b]) => a.localeCompare(b))) {
    const of = (get: (m: Measured) => number) => median(runs.map(get));
    console.log(
      `| ${key} | ${of((m) => m.latencyMs.p50)} | ${of((m) => m.latencyMs.p95)} | ${of((m) => m.latencyMs.p99)} | ${of((m) => m.requestsPerSecond)} | ${of((m) => m.serverCpuUsPerRequest ?? 0)} | ${runs.map((m) => m.latencyMs.p95).join(", ")} | ${runs.map((m) => m.serverCpuUsPerRequest).join(", ")} |`,
    );
  }
}

async function main(): Promise<void> {
  await runPinned(sides, { cacheDir, size: SIZE }, log);
  const cluster = await openBenchCluster({ cacheDir, sizes: [SIZE], log });
  const folder = await mkdtemp(path.join(os.tmpdir(), "ab-search-"));
  const apps = new Set<AppProcess>();
  const peakMb: Record<string, number[]> = { A: [], B: [] };
  try {
    const url = await cluster.copyOf(SIZE, DATABASE);
    const articles = (await loadStories(url)).map((story) => articlePath(story));
    log(`A ${sides.A.dir} [${sides.A.args}], B ${sides.B.dir} [${sides.B.args}]; ${rounds} rounds, misses ${missSeconds} s, each kind ${seconds} s; load ${load()}`);
    const results: Record<string, Measured[]> = {};
    const settings = { folder, runs: 1, seconds, connections: 50 };
    for (let round = 0; round < rounds; round += 1) {
      const order: ("A" | "B")[] = round % 2 === 0 ? ["A", "B"] : ["B", "A"];
      for (const name of order) {
        // A fresh app per turn, alone on CPU 0 with PostgreSQL, as main.ts measures search: nothing
        // of the other side (its timers, its collector) shares the core with the side measured.
        const side = sides[name];
        const app = await startApp({ databaseUrl: url, mediaDir: cluster.mediaDir, responseCache: false, name: `ab-search-${name}`, dir: side.dir, nodeArgs: side.args.split(" ").filter(Boolean) });
        apps.add(app);
        const sampler = startMemorySampler();
        sampler.watchApp(name, app.pid);
        try {
          await warm(app.baseUrl, [...articles.slice(0, 5), ...allSearchPaths]);
          if (missSeconds > 0) {
            const misses = await measurePaths(`miss-${name}`, app.baseUrl, articles, { ...settings, seconds: missSeconds }, { serverPid: app.pid });
            log(`round ${round + 1} ${name} misses: ${misses.requestsPerSecond} req/s, ${misses.serverCpuUsPerRequest} us CPU/request`);
          }
          const kinds = await measureSearchKinds(app.baseUrl, settings, { serverPid: app.pid, name: `search-${name}` });
          for (const [kind, measured] of Object.entries(kinds)) (results[`${kind} ${name}`] ??= []).push(measured);
          log(`round ${round + 1} ${name} search: ${Object.entries(kinds).map(([kind, m]) => `${kind} p50 ${m.latencyMs.p50} p95 ${m.latencyMs.p95} p99 ${m.latencyMs.p99} ms ${m.serverCpuUsPerRequest} us CPU`).join("; ")}; load ${load()}`);
        } finally {
          peakMb[name]!.push(sampler.stop().appPeakMb[name] ?? 0);
          await app.stop();
          apps.delete(app);
        }
      }
    }
    printTable(results);
    log(`peak resident memory per turn (app and its children): A ${peakMb.A!.join(", ")} MB; B ${peakMb.B!.join(", ")} MB`);
    log(`load ${load()}`);
  } finally {
    for (const app of apps) await app.stop();
    await cluster.dropCopy(DATABASE).catch(() => undefined);
    await cluster.stop();
    await rm(folder, { recursive: true, force: true });
  }
}

await main();
