// Issue 24's before/after section of bench/RESULTS.md: judged on the after run, against the
// issue's own goals (not issue 11's table above it), and absent without a run from before.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ResultsFile } from "@/scripts/bench/report";
import { speedRoundSection } from "@/scripts/bench/speed-round-report";

const committed = JSON.parse(readFileSync(path.join(process.cwd(), "bench/results.json"), "utf8")) as ResultsFile;

/** A copy of the committed run with its cached article, miss and memory figures replaced. */
function runWith(change: { articleRate?: number; articleP99?: number; missRate?: number; peakMb?: number }): ResultsFile {
  const run = structuredClone(committed);
  const f = run.figures;
  f.baseline.requestsPerSecond = 40_000;
  f.cachedArticle.requestsPerSecond = change.articleRate ?? 10_000;
  f.cachedArticle.latencyMs.p99 = change.articleP99 ?? 30;
  f.miss.article.requestsPerSecond = change.missRate ?? 40;
  f.memory.appPeakMb = { A: change.peakMb ?? 700 };
  return run;
}

const rowOf = (section: string, name: string) => section.split("\n").find((line) => line.startsWith(`| ${name} |`)) ?? "";

describe("issue 24's before/after section", () => {
  it("is left out when there is no run from before the issue's work", () => {
    expect(speedRoundSection(null, committed)).toBe("");
  });

  it("judges the after run against the issue's goals, with the before figure beside it", () => {
    const section = speedRoundSection(runWith({}), runWith({ articleRate: 22_000, articleP99: 9.5, missRate: 46, peakMb: 550 }));
    expect(rowOf(section, "Cached article")).toContain("10000 req/s = 0.25x, p99 30 ms");
    expect(rowOf(section, "Cached article")).toMatch(/22000 req\/s = 0\.55x, p99 9\.5 ms.*\*\*met\*\*/);
    expect(rowOf(section, "Cache-miss article (50 connections)")).toMatch(/\| 40 req\/s \| 46 req\/s \|.*\*\*met\*\*/);
    expect(rowOf(section, "Peak app memory")).toMatch(/\| 700 MB \| 550 MB \|.*\*\*met\*\*/);
  });

  it("says not met when the after run misses a goal, even by a little", () => {
    const section = speedRoundSection(runWith({ missRate: 45.9 }), runWith({ articleRate: 22_000, articleP99: 10, missRate: 45.8, peakMb: 600 }));
    expect(rowOf(section, "Cached article")).toContain("**not met**");
    expect(rowOf(section, "Cache-miss article (50 connections)")).toContain("**not met**");
    expect(rowOf(section, "Peak app memory")).toContain("**not met**");
  });

  it("judges the cache-miss rate against the run before the work ('no worse than today')", () => {
    const section = speedRoundSection(runWith({ missRate: 25.7 }), runWith({ missRate: 31.4 }));
    expect(rowOf(section, "Cache-miss article (50 connections)")).toMatch(/\| 25\.7 req\/s \| 31\.4 req\/s \|.*\*\*met\*\*/);
  });

  it("says a page's goal is unreachable only when bare Node sending its own bytes stays under it", () => {
    const after = runWith({});
    const own = (rate: number, bytes: number) => ({ ...structuredClone(after.figures.baseline), requestsPerSecond: rate, bytes });
    after.figures.feed.requestsPerSecond = 12_000;
    after.figures.section.requestsPerSecond = 12_000;
    after.figures.ownBytesBaselines = { home: own(38_000, 66_000), section: own(38_000, 39_000), feed: own(16_000, 222_000) };
    const section = speedRoundSection(runWith({}), after);
    expect(rowOf(section, "Cached feed")).toContain("**unreachable as written**: bare Node sending the same 222000 B reaches 0.4x; this page reaches 0.75x of that");
    expect(rowOf(section, "Cached section")).toContain("**not met**");
  });
});
