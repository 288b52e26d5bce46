// Repeated wrk runs over a list of paths, summarised by their median (each figure separately).
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { processTreeOf } from "./process-tree";
import { PATH_LIST_LUA, runWrk, type WrkResult } from "./wrk";

export interface Measured {
  requestsPerSecond: number;
  latencyMs: WrkResult["latencyMs"];
  non2xx: number;
  socketErrors: number;
  /**
   * The server's CPU time (all its threads, user and system) per answered request, when its
   * process id was given: what a request costs whatever else the machine was doing meanwhile.
   */
  serverCpuUsPerRequest?: number;
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

/**
 * CPU time so far (user + system, all threads) of a process and the processes under it (the app's
 * front process, when it runs one), from /proc, in milliseconds.
 */
async function processCpuMs(pid: number): Promise<number> {
  let ms = 0;
  for (const member of processTreeOf(pid)) {
    const fields = (await readFile(`/proc/${member}/stat`, "utf8").catch(() => ") ")).split(") ")[1]!.split(" ");
    // utime and stime (fields 14 and 15 of proc(5)), in clock ticks of 10 ms.
    ms += (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) * 10;
  }
  return ms;
}

/** Runs wrk `settings.runs` times on the paths (each request a cache miss with `unique`). */
export async function measurePaths(name: string, baseUrl: string, paths: string[], settings: LoadSettings, options: { unique?: boolean; headers?: string; connections?: number; serverPid?: number } = {}): Promise<Measured> {
  const list = path.join(settings.folder, `${name}.paths`);
  const script = path.join(settings.folder, "paths.lua");
  await writeFile(list, paths.join("\n") + "\n");
  await writeFile(script, PATH_LIST_LUA);
  const results: WrkResult[] = [];
  const cpuBefore = options.serverPid ? await processCpuMs(options.serverPid) : 0;
  for (let run = 0; run < settings.runs; run += 1) {
    results.push(await runWrk({ scriptFile: script, url: baseUrl, connections: options.connections ?? settings.connections, seconds: settings.seconds, args: [list, options.headers ?? "", options.unique ? "unique" : ""] }));
  }
  const pick = (get: (result: WrkResult) => number) => median(results.map(get));
  const answered = results.reduce((sum, r) => sum + r.requests, 0);
  const serverCpuUsPerRequest = options.serverPid && answered > 0 ? Math.round((((await processCpuMs(options.serverPid)) - cpuBefore) * 1000 * 10) / answered) / 10 : undefined;
  return {
    serverCpuUsPerRequest,
    requestsPerSecond: pick((r) => r.requestsPerSecond),
    latencyMs: { p50: pick((r) => r.latencyMs.p50), p90: pick((r) => r.latencyMs.p90), p95: pick((r) => r.latencyMs.p95), p99: pick((r) => r.latencyMs.p99), max: pick((r) => r.latencyMs.max) },
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    socketErrors: results.reduce((sum, r) => sum + r.socketErrors, 0),
    runs: results.map((r) => ({ requestsPerSecond: r.requestsPerSecond, p50: r.latencyMs.p50, p95: r.latencyMs.p95, p99: r.latencyMs.p99, non2xx: r.non2xx })),
  };
}
