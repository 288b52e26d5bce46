// npm run bench [-- options]. The default is the full benchmark the results are committed from;
// --quick is a small, fast run to check that everything works (its figures mean little).
import path from "node:path";

export interface BenchOptions {
  quick: boolean;
  /** Dataset sizes (stories), smallest first; the largest is the one most targets run on. */
  sizes: number[];
  seconds: number;
  runs: number;
  connections: number;
  hotSet: number;
  lighthouse: boolean;
  profile: boolean;
  /** Also measure the cached pages with app A's front process on (FRONT_PROCESS=on), right after the in-process figures. */
  front: boolean;
  outDir: string;
  cacheDir: string;
}

const USAGE = `npm run bench [-- --quick] [--sizes 1000,10000,50000] [--seconds 10] [--runs 3] [--no-lighthouse] [--profile] [--front] [--out bench] [--cache-dir .bench-cache]`;

export function parseBenchOptions(argv: string[], env: Record<string, string | undefined> = process.env): BenchOptions {
  const quick = argv.includes("--quick");
  const value = (name: string) => {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const number = (name: string, fallback: number) => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const parsed = Number(raw);
    if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${name} needs a whole number (${USAGE})`);
    return parsed;
  };
  const sizes = (value("--sizes") ?? (quick ? "100,300,1000" : "1000,10000,50000")).split(",").map(Number);
  if (sizes.some((size) => !Number.isInteger(size) || size < 10)) throw new Error(`--sizes needs story counts of at least 10, comma-separated (${USAGE})`);
  const known = new Set(["--quick", "--sizes", "--seconds", "--runs", "--no-lighthouse", "--profile", "--front", "--out", "--cache-dir", "--connections"]);
  const unknown = argv.filter((arg, i) => arg.startsWith("--") && !known.has(arg) && !known.has(argv[i - 1] ?? ""));
  if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(" ")}; usage: ${USAGE}`);
  return {
    quick,
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    seconds: number("--seconds", quick ? 2 : 10),
    runs: number("--runs", quick ? 1 : 3),
    connections: number("--connections", 50),
    hotSet: 100,
    lighthouse: !argv.includes("--no-lighthouse"),
    profile: argv.includes("--profile") || env.BENCH_PROFILE === "1",
    front: argv.includes("--front"),
    outDir: path.resolve(value("--out") ?? "bench"),
    cacheDir: path.resolve(value("--cache-dir") ?? ".bench-cache"),
  };
}
