// Two builds of the app (two worktrees), or one build with two sets of Node settings, measured on
// the cached pages in turns (A, B, B, A, ...) on the bench's 50,000-story dataset, pinned as the
// bench pins (apps and PostgreSQL on CPU 0, wrk on CPU 1): for deciding a change to the hit path
// on a machine whose load drifts, which moves single runs by +-30%. Reports each side's median
// req/s, p99 and the server's CPU time per request. Usage:
//   npx tsx scripts/bench/ab-cached.ts --a <worktree> --b <worktree> [--a-args "..."] [--b-args "..."]
//     [--a-front on|off] [--b-front on|off] (FRONT_PROCESS; the app's default when not given)
//     [--rounds 4] [--seconds 8] [--cache-dir .bench-cache]
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { articlePath } from "@/lib/articles/public/article-url";
import { abCommandLine, runPinned } from "./ab-sides";
import { startApp, type AppProcess } from "./app-process";
import { FIRST_STORY_ID, openBenchCluster } from "./dataset";
import { measurePaths, median, type Measured } from "./measure";

const log = (line: string) => console.log(`[ab ${new Date().toISOString().slice(11, 19)}] ${line}`);
const { option, sides, cacheDir } = abCommandLine(process.argv.slice(2));
const rounds = Number(option("--rounds", "4"));
const seconds = Number(option("--seconds", "8"));
const SIZE = 50_000;

async function main(): Promise<void> {
  await runPinned(sides, { cacheDir, size: SIZE }, log);
  const cluster = await openBenchCluster({ cacheDir, sizes: [SIZE], log });
  const folder = await mkdtemp(path.join(os.tmpdir(), "ab-cached-"));
  const apps: Partial<Record<"A" | "B", AppProcess>> = {};
  try {
    const url = await cluster.copyOf(SIZE, "bench_ab");
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const stories = (
      await client.query<{ id: number; headline: string; slug: string }>(
        `SELECT a.id, r.headline, a.slug FROM "Article" a JOIN "ArticleRevision" r ON r.id = a."liveRevisionId" WHERE a.id >= $1 AND a.status = 'PUBLISHED' ORDER BY a.id DESC LIMIT 100`,
        [FIRST_STORY_ID],
      )
    ).rows;
    await client.end();
    const pages: Record<string, string[]> = { article: stories.map((story) => articlePath(story)), home: ["/"] };
    for (const [name, side] of Object.entries(sides) as ["A" | "B", (typeof sides)["A"]][]) {
      apps[name] = await startApp({ databaseUrl: url, mediaDir: cluster.mediaDir, responseCache: true, name: `ab-${name}`, dir: side.dir, frontProcess: side.front, nodeArgs: side.args.split(" ").filter(Boolean) });
      for (const p of [...pages.article!, "/"]) await fetch(`${apps[name]!.baseUrl}${p}`).then((r) => r.arrayBuffer());
    }
    log(`A ${sides.A.dir} [${sides.A.args}] front ${sides.A.front ?? "default"}, B ${sides.B.dir} [${sides.B.args}] front ${sides.B.front ?? "default"}; load ${os.loadavg().map((n) => n.toFixed(2)).join(" ")}`);
    const results: Record<string, Measured[]> = {};
    const settings = { folder, runs: 1, seconds, connections: 50 };
    for (let round = 0; round < rounds; round += 1) {
      const order: ("A" | "B")[] = round % 2 === 0 ? ["A", "B"] : ["B", "A"];
      for (const [page, paths] of Object.entries(pages)) {
        for (const name of order) {
          const app = apps[name]!;
          const measured = await measurePaths(`${page}-${name}`, app.baseUrl, paths, settings, { serverPid: app.pid });
          (results[`${page} ${name}`] ??= []).push(measured);
          log(`round ${round + 1} ${page} ${name}: ${measured.requestsPerSecond} req/s, p99 ${measured.latencyMs.p99} ms, ${measured.serverCpuUsPerRequest} us CPU/request`);
        }
      }
    }
    console.log(`\n| page side | median req/s | median p99 ms | median us CPU/request | runs (us CPU/request) |\n| --- | ---: | ---: | ---: | --- |`);
    for (const [key, runs] of Object.entries(results)) {
      console.log(`| ${key} | ${median(runs.map((m) => m.requestsPerSecond))} | ${median(runs.map((m) => m.latencyMs.p99))} | ${median(runs.map((m) => m.serverCpuUsPerRequest ?? 0))} | ${runs.map((m) => m.serverCpuUsPerRequest).join(", ")} |`);
    }
    for (const [name, app] of Object.entries(apps)) {
      // VmHWM: the process's peak resident set so far (proc(5)).
      const status = await readFile(`/proc/${app.pid}/status`, "utf8");
      log(`${name} peak resident memory ${Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024)} MB`);
    }
    log(`load ${os.loadavg().map((n) => n.toFixed(2)).join(" ")}`);
  } finally {
    for (const app of Object.values(apps)) await app?.stop();
    await cluster.dropCopy("bench_ab").catch(() => undefined);
    await cluster.stop();
    await rm(folder, { recursive: true, force: true });
  }
}

await main();
