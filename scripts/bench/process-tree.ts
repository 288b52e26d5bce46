// The processes under a bench process (an app instance and the front process it forks): the
// memory sampler adds up their resident sets, and measure.ts their CPU time.
import { readdirSync, readFileSync } from "node:fs";

interface ProcessInfo {
  ppid: number;
  name: string;
}

export function processTable(): Map<number, ProcessInfo> {
  const table = new Map<number, ProcessInfo>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      table.set(Number(entry), { ppid: Number(fields[1]), name: stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")) });
    } catch {
      // ended while we looked
    }
  }
  return table;
}

export function descends(table: Map<number, ProcessInfo>, pid: number, ancestor: number): boolean {
  for (let current = pid, hops = 0; hops < 30; hops += 1) {
    if (current === ancestor) return true;
    const info = table.get(current);
    if (!info) return false;
    current = info.ppid;
  }
  return false;
}

/** `pid` and every process under it. */
export function processTreeOf(pid: number): number[] {
  const table = processTable();
  return [...table.keys()].filter((other) => descends(table, other, pid));
}
