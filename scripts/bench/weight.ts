// Target 9, page weight: the article page's HTML against the story body's own HTML, the
// JavaScript the page loads (gzip-compressed, as a browser gets it), and Lighthouse's mobile
// scores for the page (lighthouse@12.2.3, Debian's Chromium, pinned to CPU 1 like wrk).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";

export interface PageWeight {
  articleHtmlBytes: number;
  bodyHtmlBytes: number;
  htmlToBodyRatio: number;
  /** `noModule`: a legacy-browser script (Next.js's polyfills) that browsers with modules never load. */
  scripts: { src: string; gzipBytes: number; noModule: boolean }[];
  /** What a current browser loads: every script but the `nomodule` ones. */
  javascriptGzipBytes: number;
  noModuleGzipBytes: number;
}

export async function measurePageWeight(baseUrl: string, articlePath: string, bodyHtml: string): Promise<PageWeight> {
  const html = await (await fetch(`${baseUrl}${articlePath}`)).text();
  const tags = new Map<string, boolean>();
  for (const [, attributes] of html.matchAll(/<script\b([^>]*)>/g)) {
    const src = /\ssrc="([^"]+)"/.exec(attributes!)?.[1];
    if (src) tags.set(src.replace(/&amp;/g, "&"), /\snomodule/i.test(attributes!));
  }
  const scripts: PageWeight["scripts"] = [];
  for (const [src, noModule] of tags) {
    const bytes = Buffer.from(await (await fetch(new URL(src, baseUrl))).arrayBuffer());
    // Compressed here at the level a server would use: the bytes a browser downloads.
    scripts.push({ src, gzipBytes: gzipSync(bytes, { level: 6 }).length, noModule });
  }
  const sum = (list: typeof scripts) => list.reduce((total, script) => total + script.gzipBytes, 0);
  const articleHtmlBytes = Buffer.byteLength(html);
  const bodyHtmlBytes = Buffer.byteLength(bodyHtml);
  return {
    articleHtmlBytes,
    bodyHtmlBytes,
    htmlToBodyRatio: Math.round((articleHtmlBytes / Math.max(1, bodyHtmlBytes)) * 100) / 100,
    scripts,
    javascriptGzipBytes: sum(scripts.filter((script) => !script.noModule)),
    noModuleGzipBytes: sum(scripts.filter((script) => script.noModule)),
  };
}

export interface LighthouseScores {
  performance: number | null;
  accessibility: number | null;
  seo: number | null;
  /** The performance metrics behind the score (ms, CLS unitless), and the audits that cost it most. */
  breakdown?: { metrics: Record<string, number>; weakAudits: string[] };
  /** Every run's performance score, when several were run (the reported one is their median). */
  performanceRuns?: number[];
  /** Every run's metrics (FCP, LCP, TBT, CLS, SI), in the order they ran. */
  runMetrics?: Record<string, number>[];
  error?: string;
}

interface LighthouseAudit {
  title: string;
  score: number | null;
  numericValue?: number;
  displayValue?: string;
  details?: { type?: string; overallSavingsMs?: number };
}

const METRICS = { "first-contentful-paint": "FCP", "largest-contentful-paint": "LCP", "total-blocking-time": "TBT", "cumulative-layout-shift": "CLS", "speed-index": "SI" } as const;

function breakdownOf(audits: Record<string, LighthouseAudit>): NonNullable<LighthouseScores["breakdown"]> {
  const metrics: Record<string, number> = {};
  for (const [id, name] of Object.entries(METRICS)) {
    const value = audits[id]?.numericValue;
    if (value !== undefined) metrics[name] = name === "CLS" ? Math.round(value * 1000) / 1000 : Math.round(value);
  }
  // Performance audits that failed, with what Lighthouse says they cost.
  const weakAudits = Object.entries(audits)
    .filter(([id, audit]) => !(id in METRICS) && audit.score !== null && audit.score < 0.9 && (audit.details?.type === "opportunity" || audit.numericValue !== undefined))
    .sort((a, b) => (b[1].details?.overallSavingsMs ?? 0) - (a[1].details?.overallSavingsMs ?? 0))
    .slice(0, 6)
    .map(([id, audit]) => `${id}${audit.displayValue ? ` (${audit.displayValue})` : ""}`);
  return { metrics, weakAudits };
}

const CHROMIUM = "/usr/bin/chromium";

/**
 * Lighthouse `runs` times; the run with the median performance score is reported (its breakdown
 * with it), with every run's score beside it. One run moves by 10-15 points from run to run here.
 */
export async function runLighthouseMedian(url: string, folder: string, runs: number): Promise<LighthouseScores> {
  const results: LighthouseScores[] = [];
  for (let run = 0; run < Math.max(1, runs); run += 1) results.push(await runLighthouse(url, path.join(folder, `lighthouse-${run + 1}.json`)));
  const scored = results.filter((result) => result.performance !== null).sort((a, b) => a.performance! - b.performance!);
  if (scored.length === 0) return results[0]!;
  return {
    ...scored[Math.floor((scored.length - 1) / 2)]!,
    performanceRuns: results.map((result) => result.performance ?? -1),
    runMetrics: results.map((result) => result.breakdown?.metrics ?? {}),
  };
}

/** Lighthouse's default (mobile, simulated throttling) scores for the page, 0-100; its full report is left in `output`. */
async function runLighthouse(url: string, output: string): Promise<LighthouseScores> {
  if (!existsSync(CHROMIUM)) return { performance: null, accessibility: null, seo: null, error: `${CHROMIUM} is missing (apt-get install chromium)` };
  const cli = path.join(process.cwd(), "node_modules/lighthouse/cli/index.js");
  const args = ["-c", "1", process.execPath, cli, url, "--output=json", `--output-path=${output}`, "--only-categories=performance,accessibility,seo", "--quiet", "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking"];
  const log = await new Promise<{ code: number | null; text: string }>((resolve) => {
    const child = spawn("taskset", args, { env: { ...process.env, CHROME_PATH: CHROMIUM }, stdio: ["ignore", "pipe", "pipe"] });
    let text = "";
    child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (text += chunk.toString()));
    child.on("close", (code) => resolve({ code, text }));
    child.on("error", (error) => resolve({ code: 1, text: String(error) }));
  });
  if (log.code !== 0 || !existsSync(output)) return { performance: null, accessibility: null, seo: null, error: `lighthouse failed (${log.code}): ${log.text.slice(-1500)}` };
  const report = JSON.parse(await readFile(output, "utf8")) as { categories: Record<string, { score: number | null }>; audits: Record<string, LighthouseAudit> };
  const score = (name: string) => (report.categories[name]?.score == null ? null : Math.round((report.categories[name]!.score ?? 0) * 100));
  return { performance: score("performance"), accessibility: score("accessibility"), seo: score("seo"), breakdown: breakdownOf(report.audits) };
}
