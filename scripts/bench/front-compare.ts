// Cached pages in-process (FRONT_PROCESS=off) against the front process (FRONT_PROCESS=on), with
// the bare-Node baseline, measured in turns (baseline, in-process, front; again and again) so a
// machine whose load drifts weighs on all three alike. The same dataset, pinning and wrk runs as
// `npm run bench` (its targets 1, 2 and 4), without the rest:
//   npx tsx scripts/bench/front-compare.ts [--rounds 3] [--seconds 10] [--cache-dir .bench-cache]
import { spawn, spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { articlePath } from "@/lib/articles/public/article-url";
import { ensureProductionBuild } from "@/server/build";
import { findFreePort } from "@/tests/support/test-cluster";
import { startApp, type AppProcess } from "./app-process";
import { FIRST_STORY_ID, openBenchCluster } from "./dataset";
import { median } from "./measure";
import { PATH_LIST_LUA, runWrk } from "./wrk";

const log = (line: string) => console.log(`[front-compare ${new Date().toISOString().slice(11, 19)}] ${line}`);
const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => (argv.includes(name) ? (argv[argv.indexOf(name) + 1] ?? fallback) : fallback);
const rounds = Number(option("--rounds", "3"));
const seconds = Number(option("--seconds", "10"));
const cacheDir = path.resolve(option("--cache-dir", ".bench-cache"));
const SIZE = 50_000;

async function startBaseline(html: string, folder: string): Promise<{ baseUrl: string; stop(): void }> {
  const file = path.join(folder, "baseline.html");
  await writeFile(file, html);
  const port = await findFreePort();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/bench/baseline-server.ts", file, String(port)], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`the baseline server exited (${code})`)));
  });
  return { baseUrl: `http://127.0.0.1:${port}`, stop: () => child.kill("SIGTERM") };
}

async function main(): Promise<void> {
  if (!process.env.BENCH_PINNED) {
    await ensureProductionBuild(log);
    await (await openBenchCluster({ cacheDir, sizes: [SIZE], log })).stop();
    const child = spawnSync("taskset", ["-c", "0", process.execPath, ...process.execArgv, ...process.argv.slice(1)], { stdio: "inherit", env: { ...process.env, BENCH_PINNED: "1" } });
    process.exit(child.status ?? 1);
  }
  const cluster = await openBenchCluster({ cacheDir, sizes: [SIZE], log });
  const folder = await mkdtemp(path.join(os.tmpdir(), "front-compare-"));
  const apps: AppProcess[] = [];
  let baseline: { baseUrl: string; stop(): void } | undefined;
  try {
    const url = await cluster.copyOf(SIZE, "bench_front_compare");
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const stories = (
      await client.query<{ id: number; headline: string; slug: string; section: string }>(
        `SELECT a.id, r.headline, a.slug, s.slug AS section FROM "Article" a JOIN "ArticleRevision" r ON r.id = a."liveRevisionId" JOIN "Section" s ON s.id = a."sectionId" WHERE a.id >= $1 AND a.status = 'PUBLISHED' ORDER BY a.id DESC`,
        [FIRST_STORY_ID],
      )
    ).rows;
    await client.end();
    const hot = stories.slice(0, 100).map((story) => articlePath(story));
    const sections = [...new Set(stories.map((story) => `/sections/${story.section}`))];
    const inProcess = await startApp({ databaseUrl: url, mediaDir: cluster.mediaDir, responseCache: true, name: "in-process" });
    apps.push(inProcess);
    const front = await startApp({ databaseUrl: url, mediaDir: cluster.mediaDir, responseCache: true, frontProcess: true, name: "front" });
    apps.push(front);
    const html = await (await fetch(`${inProcess.baseUrl}${hot[0]}`)).text();
    baseline = await startBaseline(html, folder);
    const pages: Record<string, string[]> = { article: hot, home: ["/"], section: sections, feed: ["/feed.xml"] };
    const script = path.join(folder, "paths.lua");
    await writeFile(script, PATH_LIST_LUA);
    for (const [page, paths] of Object.entries(pages)) await writeFile(path.join(folder, `${page}.paths`), paths.join("\n") + "\n");
    for (const app of [inProcess, front]) for (const p of [...hot, "/", "/feed.xml", ...sections]) await fetch(`${app.baseUrl}${p}`).then((r) => r.arrayBuffer());
    const targets = { baseline: baseline.baseUrl, "in-process": inProcess.baseUrl, front: front.baseUrl };
    const figures: Record<string, { rps: number; p99: number; load: number }[]> = {};
    log(`load average before ${os.loadavg().map((n) => n.toFixed(2)).join(", ")}`);
    for (let round = 0; round < rounds; round += 1) {
      for (const page of Object.keys(pages)) {
        for (const [name, baseUrl] of Object.entries(targets)) {
          if (name === "baseline" && page !== "article") continue;
          const result = await runWrk({ scriptFile: script, url: baseUrl, connections: 50, seconds, args: [path.join(folder, `${page}.paths`), "", ""] });
          const key = name === "baseline" ? "baseline" : `${name} ${page}`;
          (figures[key] ??= []).push({ rps: result.requestsPerSecond, p99: result.latencyMs.p99, load: os.loadavg()[0]! });
          log(`round ${round + 1} ${key}: ${result.requestsPerSecond} req/s, p99 ${result.latencyMs.p99} ms, non2xx ${result.non2xx}, load ${os.loadavg()[0]!.toFixed(2)}`);
        }
      }
    }
    const base = median(figures.baseline!.map((f) => f.rps));
    console.log(`\n| figure | median req/s | x baseline | median p99 ms | runs (req/s) |\n| --- | ---: | ---: | ---: | --- |`);
    for (const [key, runs] of Object.entries(figures)) {
      const rps = median(runs.map((f) => f.rps));
      console.log(`| ${key} | ${rps} | ${Math.round((rps / base) * 1000) / 1000} | ${median(runs.map((f) => f.p99))} | ${runs.map((f) => f.rps).join(", ")} |`);
    }
    log(`load average after ${os.loadavg().map((n) => n.toFixed(2)).join(", ")}`);
  } finally {
    baseline?.stop();
    for (const app of apps) await app.stop();
    const admin = new pg.Client({ connectionString: cluster.adminUrl });
    await admin.connect();
    await admin.query("DROP DATABASE IF EXISTS bench_front_compare WITH (FORCE)").catch(() => undefined);
    await admin.end();
    await cluster.stop();
    await rm(folder, { recursive: true, force: true });
  }
}

await main();
