// For browser tests: a fresh database seeded with the demo newsroom, the production build
// (rebuilt only when sources changed), and the app started the way users start it, through
// scripts/start.ts with DATABASE_URL set.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createPrismaClient } from "@/lib/db/client";
import { localDiskStorage } from "@/lib/media/storage";
import { ensureProductionBuild } from "@/server/build";
import { START_NODE_ARGS } from "@/server/start-command";
import { seedDemoNewsroom } from "@/lib/seed/demo-newsroom";
import { createDatabaseFromTemplate, databaseUrl, findFreePort, startTestCluster, type TestCluster } from "./test-cluster";

export const E2E_DEMO_PASSWORD = "e2e-demo-password-1234";
export const APP_SERVER_LOG = path.join(process.cwd(), "test-results", "e2e-app-server.log");

declare module "vitest" {
  export interface ProvidedContext {
    appBaseUrl: string;
    appDatabaseUrl: string;
    demoPassword: string;
    /** The PID of the process npm start runs (its children are part of the app too). */
    appPid: number;
  }
}

async function waitForHealthy(baseUrl: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the app exited early with code ${server.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the app did not become healthy within ${timeoutMs} ms`);
}

export default async function setup(project: TestProject) {
  await ensureProductionBuild((line) => console.log(`[e2e] ${line}`));
  const cluster = await startTestCluster();
  try {
    return await startSeededApp(project, cluster);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}

async function startSeededApp(project: TestProject, cluster: TestCluster) {
  const name = "newsroom_e2e";
  await createDatabaseFromTemplate(cluster.adminUrl, name);
  const url = databaseUrl(cluster.adminUrl, name);
  const mediaDir = await mkdtemp(path.join(tmpdir(), "newsroom-e2e-media-"));

  const db = createPrismaClient(url);
  try {
    await seedDemoNewsroom(db, { password: async () => E2E_DEMO_PASSWORD, storage: localDiskStorage(mediaDir) });
  } finally {
    await db.$disconnect();
  }

  const port = await findFreePort();
  const server = spawn(process.execPath, [...START_NODE_ARGS], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      HOST: "127.0.0.1",
      MEDIA_DIR: mediaDir,
      NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      IP_HASH_SALT: "e2e-ip-hash-salt-0123",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // The server's output goes to a file that tests can read (tests/e2e/observability.test.ts checks
  // its JSON lines) and that stays for looking into failures.
  await mkdir(path.dirname(APP_SERVER_LOG), { recursive: true });
  const logFile = createWriteStream(APP_SERVER_LOG);
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    logFile.write(chunk);
    if (output.length < 2_000) output.push(chunk.toString());
  };
  server.stdout?.on("data", keep);
  server.stderr?.on("data", keep);

  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealthy(baseUrl, server, 120_000);
  } catch (error) {
    console.error(output.join(""));
    server.kill("SIGTERM");
    throw error;
  }
  project.provide("appBaseUrl", baseUrl);
  project.provide("appDatabaseUrl", url);
  project.provide("demoPassword", E2E_DEMO_PASSWORD);
  project.provide("appPid", server.pid ?? 0);

  return async () => {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (process.env.E2E_SHOW_SERVER_LOG) console.log(output.join(""));
    await cluster.stop();
    await rm(mediaDir, { recursive: true, force: true });
  };
}
