// The app under test: scripts/start.ts, run as `npm start` runs it (server/start-command.ts),
// against a benchmark database, as a child of the bench process, so it runs on CPU 0 with it
// (main.ts pins it). Its access log (JSON lines on stdout, one per request with the number of SQL
// queries it made) is kept for counting queries per render.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { START_NODE_ARGS } from "@/server/start-command";
import { findFreePort } from "@/tests/support/test-cluster";

export interface AppProcess {
  baseUrl: string;
  pid: number;
  /** Access-log entries seen so far: route kind, status, cache outcome, SQL queries. */
  requests(): { route: string; status: number; cache: string; queries: number }[];
  output(): string;
  stop(): Promise<void>;
}

export async function startApp(options: {
  databaseUrl: string;
  mediaDir: string;
  responseCache: boolean;
  /** FRONT_PROCESS for the app (scripts/bench/ab-cached.ts compares both ways); the app's default when left out. */
  frontProcess?: boolean;
  profileDir?: string;
  name: string;
  /** Another checkout's build (scripts/bench/ab-cached.ts); this one by default. */
  dir?: string;
  /** Node settings to try (e.g. GC sizes), after the heap limit so they can override it; BENCH_APP_NODE_ARGS by default. */
  nodeArgs?: string[];
}): Promise<AppProcess> {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // One folder per instance: every thread writes its own profile (tsx's module loader runs on a
  // thread of its own), and cpu-profile.ts keeps the busiest one, the main thread.
  const profile = options.profileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.join(options.profileDir, options.name)}`] : [];
  const trying = options.nodeArgs ?? (process.env.BENCH_APP_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...profile, START_NODE_ARGS[0], ...trying, ...START_NODE_ARGS.slice(1)], {
    cwd: options.dir ?? process.cwd(),
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      MEDIA_DIR: options.mediaDir,
      NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret-02",
      NEXTAUTH_URL: baseUrl,
      IP_HASH_SALT: "bench-ip-hash-salt-0123",
      // The documented production setting behind a reverse proxy: comment posters are told apart by X-Forwarded-For.
      TRUST_PROXY: "1",
      RESPONSE_CACHE: options.responseCache ? "on" : "off",
      ...(options.frontProcess === undefined ? {} : { FRONT_PROCESS: options.frontProcess ? "on" : "off" }),
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let partial = "";
  const entries: { route: string; status: number; cache: string; queries: number }[] = [];
  child.stdout?.on("data", (chunk: Buffer) => {
    const text = partial + chunk.toString();
    const lines = text.split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) {
      if (line.startsWith("{") && line.includes('"queries"')) {
        try {
          const entry = JSON.parse(line) as { route?: string; status?: number; cache?: string; queries?: number };
          entries.push({ route: entry.route ?? "", status: entry.status ?? 0, cache: entry.cache ?? "", queries: entry.queries ?? 0 });
        } catch {
          // not an access-log line
        }
      } else if (output.length < 200_000) output += `${line}\n`;
    }
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    if (output.length < 200_000) output += chunk.toString();
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
  };
  const deadline = Date.now() + 300_000;
  while (!(await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`the app (${options.name}) did not start:\n${output.slice(-4000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return { baseUrl, pid: child.pid ?? 0, requests: () => entries, output: () => output, stop };
}

