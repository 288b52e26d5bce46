// The top self-time functions of a V8 CPU profile (node --cpu-prof), for RESULTS.md's "causes":
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

export async function topSelfTime(file: string, limit = 25): Promise<{ file: string; totalMs: number; top: HotFunction[] }> {
  const profile = JSON.parse(await readFile(file, "utf8")) as CpuProfile;
  const samples = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const perSample = samples ? totalMs / samples : 0;
  const byFunction = new Map<string, HotFunction>();
  for (const node of profile.nodes) {
    if (!node.hitCount) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? `${url.replace(/^file:\/\//, "").replace(process.cwd() + "/", "")}:${lineNumber + 1}` : "(native)";
    const key = `${functionName}|${where}`;
    const entry = byFunction.get(key) ?? { function: functionName || "(anonymous)", where, selfMs: 0, selfPercent: 0 };
    entry.selfMs += node.hitCount * perSample;
    byFunction.set(key, entry);
  }
  const top = [...byFunction.values()]
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, limit)
    .map((entry) => ({ ...entry, selfMs: Math.round(entry.selfMs), selfPercent: Math.round((entry.selfMs / (totalMs || 1)) * 1000) / 10 }));
  return { file: path.basename(file), totalMs: Math.round(totalMs), top };
}

export async function summariseProfiles(dir: string) {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith(".cpuprofile"));
  return Promise.all(files.map((name) => topSelfTime(path.join(dir, name))));
}
