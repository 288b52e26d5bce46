// Repeated wrk runs over a list of paths, summarised by their median (each figure separately).
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { PATH_LIST_LUA, runWrk, type WrkResult } from "./wrk";

export interface Measured {
  requestsPerSecond: number;
  latencyMs: WrkResult["latencyMs"];
  non2xx: number;
  socketErrors: number;
  /** Every run's own figures. */
  runs: { requestsPerSecond: number; p50: number; p95: number; p99: number; non2xx: number }[];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return Math.round(value * 100) / 100;
}

export interface LoadSettings {
  folder: string;
  runs: number;
  seconds: number;
  connections: number;
}

/** Runs wrk `settings.runs` times on the paths (each request a cache miss with `unique`). */
export async function measurePaths(name: string, baseUrl: string, paths: string[], settings: LoadSettings, options: { unique?: boolean; headers?: string; connections?: number } = {}): Promise<Measured> {
  const list = path.join(settings.folder, `${name}.paths`);
  const script = path.join(settings.folder, "paths.lua");
  await writeFile(list, paths.join("\n") + "\n");
  await writeFile(script, PATH_LIST_LUA);
  const results: WrkResult[] = [];
  for (let run = 0; run < settings.runs; run += 1) {
    results.push(await runWrk({ scriptFile: script, url: baseUrl, connections: options.connections ?? settings.connections, seconds: settings.seconds, args: [list, options.headers ?? "", options.unique ? "unique" : ""] }));
  }
  const pick = (get: (result: WrkResult) => number) => median(results.map(get));
  return {
    requestsPerSecond: pick((r) => r.requestsPerSecond),
    latencyMs: { p50: pick((r) => r.latencyMs.p50), p90: pick((r) => r.latencyMs.p90), p95: pick((r) => r.latencyMs.p95), p99: pick((r) => r.latencyMs.p99), max: pick((r) => r.latencyMs.max) },
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    socketErrors: results.reduce((sum, r) => sum + r.socketErrors, 0),
    runs: results.map((r) => ({ requestsPerSecond: r.requestsPerSecond, p50: r.latencyMs.p50, p95: r.latencyMs.p95, p99: r.latencyMs.p99, non2xx: r.non2xx })),
  };
}
