// Debian's wrk (the load generator) and taskset (CPU pinning): the benchmark's client side. The
// app and its PostgreSQL run on CPU 0, wrk on CPU 1 (see main.ts). Each wrk run prints one
// "BENCH_RESULT {json}" line from its Lua done() hook, parsed here.
import { spawn, spawnSync } from "node:child_process";
import os from "node:os";

export interface WrkResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  /** Answers that were not 2xx/3xx (wrk's errors.status). */
  non2xx: number;
  socketErrors: number;
  latencyMs: { p50: number; p90: number; p95: number; p99: number; max: number };
  statuses?: Record<string, number>;
}

/** Stops with a clear message when wrk or taskset is missing (both are Debian packages). */
export function assertLoadToolsPresent(): void {
  const missing: string[] = [];
  if (spawnSync("wrk", ["--version"]).error) missing.push("wrk (apt-get install wrk)");
  if (spawnSync("taskset", ["--version"]).error) missing.push("taskset (apt-get install util-linux)");
  if (missing.length > 0) throw new Error(`npm run bench needs ${missing.join(" and ")}; install and run again.`);
  if (os.cpus().length < 2) throw new Error("npm run bench pins the app to CPU 0 and wrk to CPU 1: it needs at least 2 CPUs.");
}

/** The done() hook every benchmark Lua script ends with: one JSON line wrk prints at the end. */
export const WRK_DONE_LUA = `
function done(summary, latency, requests)
  local parts = {}
  if threads_for_statuses then
    local total = {}
    for _, thread in ipairs(threads_for_statuses) do
      for status, count in pairs(thread:get("counts")) do total[status] = (total[status] or 0) + count end
    end
    for status, count in pairs(total) do table.insert(parts, string.format('"%d": %d', status, count)) end
  end
  io.write(string.format('BENCH_RESULT {"requests": %d, "seconds": %.3f, "non2xx": %d, "socketErrors": %d, "statuses": {%s}, "latencyMs": {"p50": %.3f, "p90": %.3f, "p95": %.3f, "p99": %.3f, "max": %.3f}}\\n',
    summary.requests, summary.duration / 1e6, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, table.concat(parts, ", "),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  if done_hook then done_hook() end
end
`;

/**
 * A wrk script requesting the paths listed in a file (one per line, args[1]) in turn, each thread
 * starting at its own offset, with optional extra headers (args[2], "Name: value|Name: value").
 * With a third argument "unique", each request gets a query parameter of its own (a cache miss).
 * A fourth argument, a number of milliseconds, makes each connection wait that long before each
 * request: readers at a steady pace instead of as fast as the server answers.
 */
export const PATH_LIST_LUA = `
local thread_count = 0
function setup(thread)
  thread:set("tid", thread_count)
  thread_count = thread_count + 1
end
function init(args)
  paths = {}
  for line in io.lines(args[1]) do if #line > 0 then table.insert(paths, line) end end
  headers = {}
  if args[2] and #args[2] > 0 then
    for pair in string.gmatch(args[2], "[^|]+") do
      local name, value = pair:match("^([^:]+):%s*(.*)$")
      if name then headers[name] = value end
    end
  end
  unique = args[3] == "unique"
  n = math.floor(#paths / 2) * (tid or 0)
  local pause = tonumber(args[4] or "")
  if pause and pause > 0 then
    function delay() return pause end
  end
end
function request()
  n = n + 1
  local path = paths[(n % #paths) + 1]
  if unique then
    local sep = path:find("?", 1, true) and "&" or "?"
    path = path .. sep .. "b=" .. (tid or 0) .. "-" .. n
  end
  return wrk.format("GET", path, headers)
end
${WRK_DONE_LUA}`;

/** Runs wrk pinned to CPU 1 (unless `pinned` is false) and returns its figures. */
export function runWrk(options: { scriptFile: string; url: string; connections: number; seconds: number; args?: string[]; threads?: number; env?: Record<string, string>; pinned?: boolean }): Promise<WrkResult> {
  // wrk refuses more threads than connections (search is measured with one connection).
  const wrkArgs = ["-t", String(Math.min(options.threads ?? 2, options.connections)), "-c", String(options.connections), "-d", `${options.seconds}s`, "--timeout", "10s", "-s", options.scriptFile, options.url, "--", ...(options.args ?? [])];
  return new Promise((resolve, reject) => {
    const [command, args] = options.pinned === false ? ["wrk", wrkArgs] : ["taskset", ["-c", "1", "wrk", ...wrkArgs]];
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...options.env } });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    // "close", not "exit": the output may still be arriving when the process has exited.
    child.on("close", (code) => {
      const line = output.split("\n").find((l) => l.startsWith("BENCH_RESULT "));
      if (code !== 0 || !line) return reject(new Error(`wrk failed (${code}):\n${output}`));
      const parsed = JSON.parse(line.slice("BENCH_RESULT ".length)) as Omit<WrkResult, "requestsPerSecond">;
      resolve({ ...parsed, requestsPerSecond: Math.round((parsed.requests / parsed.seconds) * 10) / 10 });
    });
  });
}
