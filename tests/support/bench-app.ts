// For benchmark scripts: the real app (production build, started through scripts/start.ts as
// `npm start` does) against a throw-away embedded PostgreSQL seeded with the demo newsroom.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createPrismaClient } from "@/lib/db/client";
import { localDiskStorage } from "@/lib/media/storage";
import { ensureProductionBuild } from "@/server/build";
import { seedDemoNewsroom } from "@/lib/seed/demo-newsroom";
import { createDatabaseFromTemplate, databaseUrl, findFreePort, startTestCluster } from "./test-cluster";

export interface BenchApp {
  baseUrl: string;
  stop(): Promise<void>;
}

export async function startBenchApp(options: { password: string; log: (line: string) => void }): Promise<BenchApp> {
  await ensureProductionBuild(options.log);
  const cluster = await startTestCluster();
  const mediaDir = await mkdtemp(path.join(os.tmpdir(), "newsroom-bench-media-"));
  const url = databaseUrl(cluster.adminUrl, "newsroom_bench");
  await createDatabaseFromTemplate(cluster.adminUrl, "newsroom_bench");
  const db = createPrismaClient(url);
  await seedDemoNewsroom(db, { password: async () => options.password, storage: localDiskStorage(mediaDir) });
  await db.$disconnect();

  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [path.join(process.cwd(), "node_modules/tsx/dist/cli.mjs"), "scripts/start.ts"], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: "127.0.0.1", MEDIA_DIR: mediaDir, NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret-00", NEXTAUTH_URL: baseUrl, IP_HASH_SALT: "bench-ip-hash-salt-0123" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    await cluster.stop();
    await rm(mediaDir, { recursive: true, force: true });
  };
  try {
    const deadline = Date.now() + 120_000;
    while (!(await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false))) {
      if (Date.now() > deadline || server.exitCode !== null) throw new Error(`the app did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop };
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export async function gitCommit(): Promise<string> {
  return new Promise<string>((resolve) => {
    const git = spawn("git", ["rev-parse", "--short", "HEAD"]);
    let out = "";
    git.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    git.on("close", () => resolve(out.trim() || "unknown"));
  });
}
