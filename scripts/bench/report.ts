// bench/results.json (every figure and every run) and bench/RESULTS.md (the ten targets, each
// with its figure, its ratio or target, and met / not met). RESULTS.md is rendered from
// results.json alone (renderResultsMarkdown; npm run bench:report renders it again), so every
// figure in it is one the run measured.
import { spawnSync } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { COMMENT_POSTING_CONNECTIONS, STEADY_READERS, type CommentPhaseResult } from "./comment-load";
import type { HotFunction } from "./cpu-profile";
import { DATASET_SHAPE } from "./dataset";
import { median, type Measured } from "./measure";
import type { MemoryPeaks } from "./memory";
import type { BenchOptions } from "./options";
import type { PublishTiming } from "./publish-visible";
import type { LighthouseScores, PageWeight } from "./weight";

export interface BenchFigures {
  baseline: Measured;
  baselineHtmlBytes: number;
  cachedArticle: Measured;
  hotSet: number;
  home: Measured;
  section: Measured;
  feed: Measured;
  /** The same cached pages with app A's front process on (--front), measured right after. */
  front?: { cachedArticle: Measured; home: Measured; section: Measured; feed: Measured } | null;
  weight: PageWeight;
  lighthouse: LighthouseScores;
  commentRuns: CommentPhaseResult[];
  publishes: PublishTiming[];
  /** B's first publication after its start (cold), shown but not counted. */
  publishWarmup?: PublishTiming | null;
  miss: { article: Measured; queries: { median: number; max: number; renders: number }; search: Measured; searchKinds: Record<string, Measured> | null };
  growth: Record<string, { articleP50: number; searchP50: number }>;
  memory: MemoryPeaks;
  profiles: { file: string; totalMs: number; busyMs: number; top: HotFunction[] }[];
}

interface Target {
  id: number;
  name: string;
  figure: string;
  goal: string;
  met: boolean | null;
}

/** A throughput figure, saying so when not one answer completed within a run (each took longer). */
const rate = (m: Measured) => (m.requestsPerSecond > 0 ? `${m.requestsPerSecond} req/s` : "0 req/s (no answer completed within a run: each took longer than the run)");

const ratio = (value: number, base: number) => Math.round((value / Math.max(base, 0.001)) * 1000) / 1000;

function evaluateTargets(f: BenchFigures, largest: number): Target[] {
  const base = f.baseline.requestsPerSecond;
  const cachedRatio = ratio(f.cachedArticle.requestsPerSecond, base);
  const pages = { home: f.home, section: f.section, feed: f.feed };
  const comments = {
    acceptedPerSecond: median(f.commentRuns.map((r) => r.posting.acceptedPerSecond)),
    lost: f.commentRuns.reduce((sum, r) => sum + r.lost, 0),
    readersP99: median(f.commentRuns.map((r) => r.readers?.latencyMs.p99 ?? Infinity)),
    readersPerSecond: median(f.commentRuns.map((r) => r.readers?.perSecond ?? 0)),
    rowsAdded: f.commentRuns.reduce((sum, r) => sum + r.rowsAdded, 0),
    accepted: f.commentRuns.reduce((sum, r) => sum + r.posting.accepted, 0),
  };
  const surfaces = ["article", "home", "section", "feed"] as const;
  const publishWorst = Object.fromEntries(surfaces.map((s) => [s, f.publishes.some((p) => p.visibleMs[s] === null) ? null : Math.max(...f.publishes.map((p) => p.visibleMs[s] ?? 0))]));
  const sizes = Object.keys(f.growth).map(Number).sort((a, b) => a - b);
  const smallest = f.growth[String(sizes[0])]!;
  const biggest = f.growth[String(sizes.at(-1))]!;
  const growthArticle = ratio(biggest.articleP50, smallest.articleP50);
  const growthSearch = ratio(biggest.searchP50, smallest.searchP50);
  // A p50 of 0 means no answer completed within the runs at that size: no ratio can be made.
  const growthMeasured = sizes.every((size) => f.growth[String(size)]!.articleP50 > 0 && f.growth[String(size)]!.searchP50 > 0);
  const kinds = f.miss.searchKinds ?? {};
  const lh = f.lighthouse;
  const appPeak = Math.max(0, ...Object.values(f.memory.appPeakMb));
  return [
    { id: 1, name: "Baseline: bare Node http server, same article HTML from memory", figure: `${base} req/s, p99 ${f.baseline.latencyMs.p99} ms (${f.baselineHtmlBytes} bytes)`, goal: "reference for the ratios", met: null },
    { id: 2, name: `Cached article page, hot set of ${f.hotSet} stories`, figure: `${f.cachedArticle.requestsPerSecond} req/s = ${cachedRatio}x baseline, p99 ${f.cachedArticle.latencyMs.p99} ms`, goal: ">= 0.5x baseline, p99 < 10 ms", met: cachedRatio >= 0.5 && f.cachedArticle.latencyMs.p99 < 10 && f.cachedArticle.non2xx === 0 },
    {
      id: 3,
      name: `Cache-miss article page over all ${largest.toLocaleString("en")} stories (RESPONSE_CACHE=off)`,
      figure: `${rate(f.miss.article)}, p99 ${f.miss.article.latencyMs.p99} ms, queries per render median ${f.miss.queries.median} / max ${f.miss.queries.max} (${f.miss.queries.renders} renders counted)`,
      goal: ">= 300 req/s, p99 < 300 ms, <= 3 queries per render",
      met: f.miss.article.requestsPerSecond >= 300 && f.miss.article.latencyMs.p99 < 300 && f.miss.queries.max >= 0 && f.miss.queries.max <= 3 && f.miss.article.non2xx === 0,
    },
    {
      id: 4,
      name: "Home, section, feed (cached)",
      figure: Object.entries(pages).map(([name, m]) => `${name} ${m.requestsPerSecond} req/s = ${ratio(m.requestsPerSecond, base)}x`).join("; "),
      goal: ">= 0.5x baseline each",
      met: Object.values(pages).every((m) => ratio(m.requestsPerSecond, base) >= 0.5 && m.non2xx === 0),
    },
    {
      id: 5,
      name: `Search over ${largest.toLocaleString("en")} stories (uncached, one request at a time)`,
      figure: Object.entries(kinds).map(([kind, m]) => `${kind} p95 ${m.latencyMs.p95} ms (${rate(m)})`).join("; ") || "not measured",
      goal: "p95 < 50 ms for 2-syllable, 3-syllable and multi-word queries",
      met: Object.keys(kinds).length === 3 ? Object.values(kinds).every((m) => m.requestsPerSecond > 0 && m.latencyMs.p95 < 50 && m.non2xx === 0) : null,
    },
    {
      id: 6,
      name: `Comment posting from many sources, readers loading article pages meanwhile (${STEADY_READERS.connections} connections, each pausing ${STEADY_READERS.pauseMs} ms before each request)`,
      figure: `${comments.acceptedPerSecond} accepted/s (median), ${comments.lost} lost of ${comments.accepted} accepted (${comments.rowsAdded} rows added), readers ${comments.readersPerSecond}/s (median), p99 ${comments.readersP99} ms`,
      goal: ">= 300 accepted/s, none lost, readers p99 < 100 ms",
      met: comments.acceptedPerSecond >= 300 && comments.lost === 0 && comments.readersP99 < 100,
    },
    {
      id: 7,
      name: "Publish to visible: approve on A (API, editor), seen on B",
      figure: `worst of ${f.publishes.length}: ${surfaces.map((s) => `${s} ${publishWorst[s] ?? "never"}${publishWorst[s] === null ? "" : " ms"}`).join(", ")}${f.publishWarmup ? ` (not counted: B's first publication after its start, ${surfaces.map((s) => `${s} ${f.publishWarmup!.visibleMs[s] ?? "never"}`).join(", ")} ms)` : ""}`,
      goal: "< 1 s on every surface",
      met: f.publishes.length > 0 && surfaces.every((s) => publishWorst[s] !== null && publishWorst[s]! < 1000),
    },
    {
      id: 8,
      name: `Growth ${sizes.map((s) => s.toLocaleString("en")).join(" / ")} stories (p50, uncached; search one request at a time)`,
      figure: `article ${sizes.map((s) => f.growth[String(s)]!.articleP50).join(" / ")} ms (x${growthArticle}); search ${sizes.map((s) => f.growth[String(s)]!.searchP50).join(" / ")} ms (x${growthSearch})${growthMeasured ? "" : "; a p50 of 0 means no answer completed within the runs: not measurable"}`,
      goal: "p50 grows < 20% from smallest to largest",
      met: !growthMeasured ? false : sizes.length > 1 ? growthArticle < 1.2 && growthSearch < 1.2 : null,
    },
    {
      id: 9,
      name: "Weight of the article page",
      figure: `HTML ${f.weight.articleHtmlBytes} B for ${f.weight.bodyHtmlBytes} B of body HTML (${f.weight.htmlToBodyRatio}x); JS ${Math.round(f.weight.javascriptGzipBytes / 1024)} KB gzip in ${f.weight.scripts.length} scripts; Lighthouse mobile (median of ${lh.performanceRuns ? `${lh.performanceRuns.length} runs: ${lh.performanceRuns.join(", ")}` : "1 run"}): performance ${lh.performance ?? "-"}, accessibility ${lh.accessibility ?? "-"}, SEO ${lh.seo ?? "-"}${lh.breakdown ? ` (${Object.entries(lh.breakdown.metrics).map(([name, value]) => `${name} ${value}${name === "CLS" ? "" : " ms"}`).join(", ")}; weakest: ${lh.breakdown.weakAudits.join(", ") || "none"})` : ""}${lh.error ? ` (${lh.error.split("\n")[0]})` : ""}`,
      goal: "Lighthouse performance >= 95, accessibility >= 95, SEO 100 (bytes reported)",
      met: lh.performance === null || lh.accessibility === null || lh.seo === null ? null : lh.performance >= 95 && lh.accessibility >= 95 && lh.seo === 100,
    },
    {
      id: 10,
      name: "Peak resident memory through the run",
      figure: `app ${Object.entries(f.memory.appPeakMb).map(([name, mb]) => `${name} ${mb} MB`).join(", ")}; PostgreSQL ${f.memory.postgresPeakMb} MB (PSS, all backends)`,
      goal: "app < 600 MB",
      met: appPeak > 0 && appPeak < 600,
    },
  ];
}

async function versions() {
  const next = JSON.parse(await readFile(path.join(process.cwd(), "node_modules/next/package.json"), "utf8")) as { version: string };
  return { node: process.version, next: next.version };
}

function git(args: string[]): string {
  return spawnSync("git", args, { encoding: "utf8" }).stdout?.trim() ?? "";
}

/** What results.json holds: the run's circumstances, its targets as judged then, and every figure. */
export interface ResultsFile {
  date: string;
  command: string;
  mode: string;
  commit: string;
  machine: { cpu: string; cores: number; memoryGiB: number; kernel: string };
  versions: { node: string; next: string; postgres: string };
  pinning: string;
  loadAverageBefore: number[];
  loadAverageAfter: number[];
  durationSeconds: number;
  settings: {
    sizes: number[];
    secondsPerRun: number;
    runsPerFigure: number;
    connections: number;
    commentsPerStory: number;
    /** Recorded since the reports are rendered from this file alone; older runs lack it. */
    dataset?: { sections: number; reporters: number; photos: number };
    commentPosting?: { postingConnections: number; readerConnections: number; readerPauseMs: number };
  };
  datasetGenerationMs: Record<string, number>;
  targets: Target[];
  figures: BenchFigures;
}

const metText = (met: boolean | null) => (met === null ? "n/a" : met ? "**met**" : "**not met**");
/** Above this load average before the run, its figures say they were taken on a busy machine. */
const BUSY_LOAD_AVERAGE = 1.5;

export async function writeReport(input: { options: BenchOptions; figures: BenchFigures; loadBefore: number[]; startedAt: number; generation: Record<string, number>; largest: number; postgresVersion: string }): Promise<void> {
  const { options, figures } = input;
  const cpus = os.cpus();
  const dirty = git(["status", "--porcelain", "--", "app", "lib", "components", "scripts", "proxy.ts", "next.config.js"]) ? "+uncommitted" : "";
  const round = (values: number[]) => values.map((v) => Math.round(v * 100) / 100);
  const results: ResultsFile = {
    date: new Date().toISOString(),
    command: options.quick ? "npm run bench -- --quick" : "npm run bench",
    mode: options.quick ? "quick" : "full",
    commit: `${git(["rev-parse", "--short", "HEAD"]) || "unknown"}${dirty}`,
    machine: { cpu: cpus[0]?.model ?? "unknown", cores: cpus.length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), kernel: os.release() },
    versions: { ...(await versions()), postgres: input.postgresVersion },
    pinning: "app and its PostgreSQL pinned to CPU 0, wrk and Lighthouse pinned to CPU 1 (taskset)",
    loadAverageBefore: round(input.loadBefore),
    loadAverageAfter: round(os.loadavg()),
    durationSeconds: Math.round((Date.now() - input.startedAt) / 1000),
    settings: {
      sizes: options.sizes,
      secondsPerRun: options.seconds,
      runsPerFigure: options.runs,
      connections: options.connections,
      commentsPerStory: DATASET_SHAPE.commentsPerStory,
      dataset: { sections: DATASET_SHAPE.sections, reporters: DATASET_SHAPE.reporters, photos: DATASET_SHAPE.photos },
      commentPosting: { postingConnections: COMMENT_POSTING_CONNECTIONS, readerConnections: STEADY_READERS.connections, readerPauseMs: STEADY_READERS.pauseMs },
    },
    datasetGenerationMs: input.generation,
    targets: evaluateTargets(figures, input.largest),
    figures,
  };
  await mkdir(options.outDir, { recursive: true });
  await writeFile(path.join(options.outDir, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(path.join(options.outDir, "RESULTS.md"), renderResultsMarkdown(results));
}

/** Targets 2 and 4 in-process and with the front process (FRONT_PROCESS=on), from one run (--front). */
function frontComparison(f: BenchFigures): string {
  if (!f.front) return "";
  const base = f.baseline.requestsPerSecond;
  const line = (name: string, inProcess: Measured, front: Measured) =>
    `| ${name} | ${inProcess.requestsPerSecond} req/s = ${ratio(inProcess.requestsPerSecond, base)}x, p99 ${inProcess.latencyMs.p99} ms | ${front.requestsPerSecond} req/s = ${ratio(front.requestsPerSecond, base)}x, p99 ${front.latencyMs.p99} ms |`;
  return `
## Cached pages: in-process cache vs front process (--front, same run)

| page | in-process (FRONT_PROCESS=off) | front process (FRONT_PROCESS=on) |
| --- | --- | --- |
${line("article (hot set)", f.cachedArticle, f.front.cachedArticle)}
${line("home", f.home, f.front.home)}
${line("section", f.section, f.front.section)}
${line("feed", f.feed, f.front.feed)}
`;
}

/** RESULTS.md from results.json, and nothing else. */
export function renderResultsMarkdown(results: ResultsFile): string {
  const { machine, settings } = results;
  const largest = Math.max(...settings.sizes);
  const rows = results.targets.map((t) => `| ${t.id} | ${t.name} | ${t.figure} | ${t.goal} | ${metText(t.met)} |`).join("\n");
  const profiles = results.figures.profiles
    .map((p) => `### ${p.file}: ${p.busyMs} ms of CPU in ${p.totalMs} ms profiled (main thread; % of the CPU time)\n\n| self ms | % | function | where |\n| ---: | ---: | --- | --- |\n${p.top.map((h) => `| ${h.selfMs} | ${h.selfPercent} | ${h.function.replace(/\|/g, "\\|")} | ${h.where.replace(/\|/g, "\\|")} |`).join("\n")}`)
    .join("\n\n");
  const busy = (results.loadAverageBefore[0] ?? 0) > BUSY_LOAD_AVERAGE ? ": **figures taken while the machine was busy with other work** (they move with the load)" : "";
  const shape = settings.dataset ? `, ${settings.dataset.sections} sections, ${settings.dataset.reporters} reporters, ${settings.dataset.photos} photo rows with responsive variants` : "";
  const posting = settings.commentPosting
    ? `; comment posting: ${settings.commentPosting.postingConnections} posting connections + ${settings.commentPosting.readerConnections} reading ones pausing ${settings.commentPosting.readerPauseMs} ms before each request`
    : "";
  return `# Benchmark results (issue 11)

\`${results.command}\` (${results.mode}) at ${results.date.slice(0, 16).replace("T", " ")} UTC, commit ${results.commit}, took ${results.durationSeconds} s.
Machine: ${machine.cores} × ${machine.cpu}, ${machine.memoryGiB} GiB, Linux ${machine.kernel}. Node ${results.versions.node}, Next.js ${results.versions.next}, ${results.versions.postgres}.
**${results.pinning}.** Load average before ${results.loadAverageBefore.join(", ")}, after ${results.loadAverageAfter.join(", ")}${busy}.

Dataset: ${settings.sizes.map((s) => s.toLocaleString("en")).join(" / ")} published stories of generated Korean text with live revisions (the app's body renderer and search indexer)${shape}, ${settings.commentsPerStory} comments per story (${(largest * settings.commentsPerStory).toLocaleString("en")} on the largest). Generation (cached in .bench-cache/): ${Object.entries(results.datasetGenerationMs).map(([name, ms]) => `${name} ${Math.round(ms / 1000)} s`).join(", ") || "reused"}.
Each figure is the median of ${settings.runsPerFigure} wrk run(s) of ${settings.secondsPerRun} s at ${settings.connections} connections (search: 1 connection, the wait of one reader${posting}).

| # | target | figure | goal | |
| ---: | --- | --- | --- | --- |
${rows}

Every run's own numbers, the scripts' gzip sizes, each publish attempt and the memory samples are in results.json. Where the time goes in a missed target: \`npm run bench -- --profile\` adds the app's top self-time functions below.
${frontComparison(results.figures)}${profiles ? `\n## Where the app spent its CPU (top self time, --cpu-prof)\n\n${profiles}\n` : ""}`;
}
