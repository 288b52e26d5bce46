// Backups of the embedded database (npm run db:backup / db:restore): online base backups with
// PostgreSQL's own pg_backup_start()/pg_backup_stop() (lib/db/base-backup.ts) plus continuous
// WAL archiving (archive_command), so a restore can replay up to the last archived change or to
// a chosen moment (point-in-time recovery). A backup folder holds:
//
//   wal/                     every WAL segment the server archived (shared by all base backups)
//   base/<time>/postgres/    a base backup of the data folder
//   base/<time>/media/       the uploaded images at that time
//   base/<time>/secrets.json the embedded cluster's password and the app's secrets
//   base/<time>/backup.json  where its WAL starts and ends, and when it finished
//
// An external DATABASE_URL is not backed up here: that server's own tools do it better.
import { existsSync } from "node:fs";
import { appendFile, chmod, cp, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { z } from "zod";
import { takeBaseBackup } from "@/lib/db/base-backup";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";
import { giveToPostgresUser } from "@/lib/db/postgres-process";

/** Why db:backup / db:restore refuse an external DATABASE_URL, and what to use instead. */
export const EXTERNAL_DATABASE_MESSAGE =
  "DATABASE_URL points at your own PostgreSQL server: back it up with that server's tools (pg_basebackup with WAL archiving, pgBackRest, Barman, or your provider's snapshots and point-in-time recovery). npm run db:backup / db:restore handle only the embedded database of npm start.";

/** A full WAL segment is archived at least this often when anything was written (at most this much work is lost). */
const ARCHIVE_TIMEOUT_SECONDS = 300;

export const walFolder = (backupDir: string) => path.join(backupDir, "wal");
const baseFolder = (backupDir: string) => path.join(backupDir, "base");

// The shell commands below quote paths in single quotes; a quote in the path would break them.
function assertQuotable(folder: string): void {
  if (folder.includes("'")) throw new Error(`the backup folder path must not contain a single quote: ${folder}`);
}

/** Server settings that archive every finished WAL segment into the backup folder's wal/. */
export function walArchiveSettings(backupDir: string): Record<string, string> {
  const wal = walFolder(backupDir);
  assertQuotable(wal);
  return {
    archive_mode: "on",
    // Never overwrite a segment already archived (PostgreSQL's documented pattern).
    archive_command: `test ! -f '${wal}/%f' && cp '%p' '${wal}/%f'`,
    archive_timeout: String(ARCHIVE_TIMEOUT_SECONDS),
  };
}

/** Creates the WAL archive folder, writable by the user PostgreSQL runs as. */
export async function prepareWalArchive(backupDir: string): Promise<void> {
  await mkdir(walFolder(backupDir), { recursive: true, mode: 0o700 });
  // The server (as `postgres` when we are root) writes here; the parents must let it in.
  await chmod(backupDir, 0o755);
  await giveToPostgresUser(walFolder(backupDir));
}

const backupInfoSchema = z.object({ startLsn: z.string(), stopLsn: z.string(), finishedAt: z.iso.datetime() });
export type BackupInfo = z.infer<typeof backupInfoSchema> & { folder: string };

export interface EmbeddedLayout {
  /** The embedded cluster's data folder. */
  postgresDir: string;
  mediaDir: string;
  secretsFile: string;
  backupDir: string;
}

/** Takes a base backup of the running embedded cluster (at `adminUrl`) with its media and secrets. */
export async function backupEmbeddedDatabase(layout: EmbeddedLayout, adminUrl: string, now = new Date()): Promise<BackupInfo> {
  if (!existsSync(walFolder(layout.backupDir))) {
    throw new Error(`no WAL archive in ${walFolder(layout.backupDir)}: start the newsroom with npm start (which turns WAL archiving on) first`);
  }
  const folder = path.join(baseFolder(layout.backupDir), now.toISOString().replaceAll(":", "-"));
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const result = await takeBaseBackup({ adminUrl, dataDir: layout.postgresDir, targetDir: path.join(folder, "postgres"), label: `newsroom ${now.toISOString()}` });
  if (existsSync(layout.mediaDir)) await cp(layout.mediaDir, path.join(folder, "media"), { recursive: true });
  if (existsSync(layout.secretsFile)) await cp(layout.secretsFile, path.join(folder, "secrets.json"));
  const info = { startLsn: result.startLsn, stopLsn: result.stopLsn, finishedAt: result.finishedAt.toISOString() };
  await writeFile(path.join(folder, "backup.json"), JSON.stringify(info, null, 2) + "\n");
  return { ...info, folder };
}

/** The base backups in `backupDir`, oldest first. */
export async function listBackups(backupDir: string): Promise<BackupInfo[]> {
  if (!existsSync(baseFolder(backupDir))) return [];
  const backups: BackupInfo[] = [];
  for (const name of (await readdir(baseFolder(backupDir))).sort()) {
    const folder = path.join(baseFolder(backupDir), name);
    const parsed = backupInfoSchema.safeParse(JSON.parse(await readFile(path.join(folder, "backup.json"), "utf8").catch(() => "null")));
    if (parsed.success) backups.push({ ...parsed.data, folder });
  }
  return backups;
}

/**
 * Restores base backup `backup` into `layout.postgresDir` (which must not be in use), set up to
 * replay the archived WAL up to `targetTime` (or to the end of the archive) when next started,
 * then to become a normal writable server. The data folder that was there is kept beside it
 * (renamed *.before-restore-<time>), never deleted. Media and secrets are put back too.
 */
export async function prepareRestore(layout: EmbeddedLayout, backup: BackupInfo, options: { targetTime?: Date; now?: Date } = {}): Promise<{ keptOldAt?: string }> {
  const now = options.now ?? new Date();
  if (options.targetTime && options.targetTime.getTime() < Date.parse(backup.finishedAt)) {
    throw new Error(`the base backup finished at ${backup.finishedAt}, after the requested time ${options.targetTime.toISOString()}: pick an older backup`);
  }
  if (existsSync(path.join(layout.postgresDir, "postmaster.pid"))) {
    throw new Error(`${layout.postgresDir} looks in use (postmaster.pid exists): stop the newsroom first`);
  }
  const stamp = now.toISOString().replaceAll(":", "-");
  let keptOldAt: string | undefined;
  if (existsSync(layout.postgresDir)) {
    keptOldAt = `${layout.postgresDir}.before-restore-${stamp}`;
    await rename(layout.postgresDir, keptOldAt);
  }
  await cp(path.join(backup.folder, "postgres"), layout.postgresDir, { recursive: true });
  await chmod(layout.postgresDir, 0o700);
  const wal = walFolder(layout.backupDir);
  assertQuotable(wal);
  const recovery = [
    `restore_command = 'cp ''${wal}/%f'' ''%p'''`,
    // Without a target, replay everything archived; either way, then open for writing.
    ...(options.targetTime ? [`recovery_target_time = '${postgresTimestamp(options.targetTime)}'`, "recovery_target_inclusive = 'true'"] : []),
    "recovery_target_action = 'promote'",
  ];
  await appendFile(path.join(layout.postgresDir, "postgresql.auto.conf"), `\n# restored from ${backup.folder}\n${recovery.join("\n")}\n`);
  await writeFile(path.join(layout.postgresDir, "recovery.signal"), "");
  await giveToPostgresUser(layout.postgresDir);

  const media = path.join(backup.folder, "media");
  if (existsSync(media)) {
    if (existsSync(layout.mediaDir)) await rename(layout.mediaDir, `${layout.mediaDir}.before-restore-${stamp}`);
    await cp(media, layout.mediaDir, { recursive: true });
  }
  const secrets = path.join(backup.folder, "secrets.json");
  if (existsSync(secrets)) await cp(secrets, layout.secretsFile);
  return { keptOldAt };
}

// PostgreSQL's recovery_target_time refuses ISO 8601's "T...Z" form; "2026-11-25 12:30:00.000+00" it takes.
const postgresTimestamp = (time: Date) => time.toISOString().replace("T", " ").replace("Z", "+00");

/** The recovery settings written by prepareRestore, cleared once the server is open again. */
const RECOVERY_SETTINGS = ["restore_command", "recovery_target_time", "recovery_target_inclusive", "recovery_target_action"] as const;

/** Removes WAL segments no kept base backup needs (older than the oldest one's start). */
export async function pruneBackups(backupDir: string, keep: number): Promise<{ removedBackups: number; removedSegments: number }> {
  const backups = await listBackups(backupDir);
  const removed = backups.slice(0, Math.max(0, backups.length - keep));
  for (const backup of removed) await rm(backup.folder, { recursive: true, force: true });
  const oldest = backups[removed.length];
  if (!oldest) return { removedBackups: removed.length, removedSegments: 0 };
  // The segment holding oldest.startLsn, on any timeline: name = TTTTTTTT + XXXXXXXX + YYYYYYYY.
  const lsn = BigInt(`0x${oldest.startLsn.split("/")[0]}`) * 2n ** 32n + BigInt(`0x${oldest.startLsn.split("/")[1]}`);
  const segment = lsn / (16n * 1024n * 1024n);
  const firstNeeded = (segment / 256n).toString(16).toUpperCase().padStart(8, "0") + (segment % 256n).toString(16).toUpperCase().padStart(8, "0");
  let removedSegments = 0;
  for (const name of await readdir(walFolder(backupDir))) {
    // Only plain segment files; timeline histories and backup history files are kept.
    if (/^[0-9A-F]{24}$/.test(name) && name.slice(8) < firstNeeded) {
      await rm(path.join(walFolder(backupDir), name));
      removedSegments += 1;
    }
  }
  return { removedBackups: removed.length, removedSegments };
}

/**
 * Starts the restored cluster so it replays the archived WAL (to the target time, if one was
 * set) and opens for writing, clears the recovery settings, and returns it running (with WAL
 * archiving on again); the caller stops it.
 */
export async function startRestoredDatabase(layout: EmbeddedLayout, options: { port: number; password: string; database: string }): Promise<EmbeddedDatabase> {
  const server = await startEmbeddedPostgres({
    dataDir: layout.postgresDir,
    port: options.port,
    password: options.password,
    database: options.database,
    settings: walArchiveSettings(layout.backupDir),
  });
  const client = new pg.Client({ connectionString: server.urlFor("postgres") });
  await client.connect();
  try {
    for (const setting of RECOVERY_SETTINGS) await client.query(`ALTER SYSTEM RESET ${setting}`);
  } finally {
    await client.end();
  }
  return server;
}
