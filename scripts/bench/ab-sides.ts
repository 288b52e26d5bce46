// The two sides of an A/B measurement in turns (ab-cached.ts, ab-search.ts): two worktrees, or one
// with two sets of Node settings, read from the command line; and the start every such script
// shares: both builds and the dataset made on both cores, then the script run again pinned to
// CPU 0, as main.ts pins the bench (the apps and PostgreSQL, its children, run there; wrk on CPU 1).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { openBenchCluster } from "./dataset";

interface AbSide {
  /** The worktree whose build runs. */
  dir: string;
  /** Node settings for its app (startApp's nodeArgs), space-separated. */
  args: string;
  /** FRONT_PROCESS for its app (--a-front on|off); the app's default when not given. */
  front?: boolean;
}

export function abCommandLine(argv: string[]): { option(name: string, fallback: string): string; sides: Record<"A" | "B", AbSide>; cacheDir: string } {
  const option = (name: string, fallback: string) => (argv.includes(name) ? (argv[argv.indexOf(name) + 1] ?? fallback) : fallback);
  const front = (name: string) => (argv.includes(name) ? option(name, "") === "on" : undefined);
  return {
    option,
    sides: {
      A: { dir: path.resolve(option("--a", ".")), args: option("--a-args", ""), front: front("--a-front") },
      B: { dir: path.resolve(option("--b", ".")), args: option("--b-args", ""), front: front("--b-front") },
    },
    cacheDir: path.resolve(option("--cache-dir", ".bench-cache")),
  };
}

/** Unless already pinned: builds both sides, makes the dataset, re-runs this script on CPU 0 and exits with its status. */
export async function runPinned(sides: Record<"A" | "B", AbSide>, dataset: { cacheDir: string; size: number }, log: (line: string) => void): Promise<void> {
  if (process.env.BENCH_PINNED) return;
  for (const side of Object.values(sides)) {
    const built = spawnSync("npx", ["tsx", "-e", 'import("./server/build.ts").then((m) => m.ensureProductionBuild(console.log))'], { cwd: side.dir, stdio: "inherit" });
    if (built.status !== 0) throw new Error(`could not build ${side.dir}`);
  }
  await (await openBenchCluster({ cacheDir: dataset.cacheDir, sizes: [dataset.size], log })).stop();
  const child = spawnSync("taskset", ["-c", "0", process.execPath, ...process.execArgv, ...process.argv.slice(1)], { stdio: "inherit", env: { ...process.env, BENCH_PINNED: "1" } });
  process.exit(child.status ?? 1);
}
