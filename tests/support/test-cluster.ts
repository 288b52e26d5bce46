// One throw-away PostgreSQL cluster per test run (real PostgreSQL, never a mock), with a
// template database that has every migration applied. Each test file copies the template.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrations";

const TEMPLATE_DATABASE = "newsroom_template";

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface TestCluster {
  adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export async function startTestCluster(): Promise<TestCluster> {
  const folder = await mkdtemp(path.join(tmpdir(), "newsroom-test-"));
  // PostgreSQL runs as the `postgres` user when tests run as root: it must be able to enter.
  await chmod(folder, 0o755);
  const cluster = await startEmbeddedPostgres({
    dataDir: path.join(folder, "postgres"),
    port: await findFreePort(),
    password: "test-only-password",
    database: TEMPLATE_DATABASE,
  });
  await applyMigrations(cluster.urlFor(TEMPLATE_DATABASE));
  return {
    adminUrl: cluster.urlFor("postgres"),
    urlFor: cluster.urlFor,
    async stop() {
      await cluster.stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function createDatabaseFromTemplate(adminUrl: string, name: string): Promise<void> {
  return withAdmin(adminUrl, async (client) => {
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${client.escapeIdentifier(TEMPLATE_DATABASE)}`);
  });
}

export function dropDatabase(adminUrl: string, name: string): Promise<void> {
  return withAdmin(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  });
}

/** The URL of database `name` on the cluster whose admin URL is given. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
