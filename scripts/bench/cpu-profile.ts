// The top self-time functions of a V8 CPU profile (node --cpu-prof), kept in results.json and shown in RESULTS.md:
// a missed target is explained from where the app spent its CPU, not from a guess.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
}

export interface HotFunction {
  function: string;
  where: string;
  selfMs: number;
  selfPercent: number;
}

// Samples that are not work: the thread waiting, and V8's own bookkeeping names.
const NOT_WORK = new Set(["(idle)", "(program)"]);

async function topSelfTime(file: string, limit = 25): Promise<{ file: string; totalMs: number; busyMs: number; top: HotFunction[] }> {
  const profile = JSON.parse(await readFile(file, "utf8")) as CpuProfile;
  const samples = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const perSample = samples ? totalMs / samples : 0;
  const byFunction = new Map<string, HotFunction>();
  for (const node of profile.nodes) {
    if (!node.hitCount || NOT_WORK.has(node.callFrame.functionName)) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? `${url.replace(/^file:\/\//, "").replace(process.cwd() + "/", "")}:${lineNumber + 1}` : "(native)";
    const key = `${functionName}|${where}`;
    const entry = byFunction.get(key) ?? { function: functionName || "(anonymous)", where, selfMs: 0, selfPercent: 0 };
    entry.selfMs += node.hitCount * perSample;
    byFunction.set(key, entry);
  }
  const busyMs = [...byFunction.values()].reduce((sum, entry) => sum + entry.selfMs, 0);
  const top = [...byFunction.values()]
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, limit)
    .map((entry) => ({ ...entry, selfMs: Math.round(entry.selfMs), selfPercent: Math.round((entry.selfMs / (busyMs || 1)) * 1000) / 10 }));
  return { file: path.basename(path.dirname(file)), totalMs: Math.round(totalMs), busyMs: Math.round(busyMs), top };
}

/** For each app instance (a folder of profiles, one per thread), the busiest thread's top functions. */
export async function summariseProfiles(dir: string) {
  const instances = await readdir(dir).catch(() => [] as string[]);
  const summaries = [];
  for (const instance of instances) {
    const files = (await readdir(path.join(dir, instance)).catch(() => [] as string[])).filter((name) => name.endsWith(".cpuprofile"));
    const threads = await Promise.all(files.map((name) => topSelfTime(path.join(dir, instance, name))));
    const busiest = threads.sort((a, b) => b.busyMs - a.busyMs)[0];
    if (busiest) summaries.push(busiest);
  }
  return summaries;
}
