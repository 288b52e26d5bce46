// Peak memory through the run, sampled from /proc four times a second: the app (resident set of
// each app process; Next.js runs in it) and PostgreSQL separately. PostgreSQL's backends share
// their buffers, so their resident sets are not added up: each one's proportional share (PSS,
// /proc/<pid>/smaps_rollup) is, which counts shared pages once.
import { readFileSync } from "node:fs";
import { descends, processTable } from "./process-tree";

function kilobytes(file: string, field: string): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(file, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

export interface MemoryPeaks {
  /** Highest resident memory of one app instance seen (MB), by instance name. */
  appPeakMb: Record<string, number>;
  /** Highest total proportional memory of the PostgreSQL processes seen (MB). */
  postgresPeakMb: number;
  samples: number;
}

export function startMemorySampler(): { watchApp(name: string, pid: number): void; stop(): MemoryPeaks } {
  const apps = new Map<string, number>();
  const peaks: MemoryPeaks = { appPeakMb: {}, postgresPeakMb: 0, samples: 0 };
  const sample = () => {
    const table = processTable();
    for (const [name, pid] of apps) {
      let kb = 0;
      for (const [other] of table) if (descends(table, other, pid)) kb += kilobytes(`/proc/${other}/status`, "VmRSS");
      peaks.appPeakMb[name] = Math.max(peaks.appPeakMb[name] ?? 0, Math.round(kb / 1024));
    }
    let postgresKb = 0;
    for (const [pid, info] of table) if (info.name === "postgres" && descends(table, pid, process.pid)) postgresKb += kilobytes(`/proc/${pid}/smaps_rollup`, "Pss");
    peaks.postgresPeakMb = Math.max(peaks.postgresPeakMb, Math.round(postgresKb / 1024));
    peaks.samples += 1;
  };
  const timer = setInterval(sample, 250);
  timer.unref();
  return {
    watchApp: (name, pid) => apps.set(name, pid),
    stop: () => {
      clearInterval(timer);
      sample();
      return peaks;
    },
  };
}
