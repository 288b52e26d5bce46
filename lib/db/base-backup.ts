// An online base backup of a running PostgreSQL made with its own low-level API: between
// pg_backup_start() and pg_backup_stop() (on one session) the data folder is copied file by
// file; the backup_label returned by pg_backup_stop() tells the copy where recovery must start.
// The copy is only consistent with the WAL written meanwhile: a streaming replica fetches it
// from the primary, a restore from the WAL archive (scripts/db-restore.ts).
import { cp, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { giveToPostgresUser } from "@/lib/db/postgres-process";

// Left out of the copy, as PostgreSQL's documentation ("Making a Base Backup Using the Low Level
// API") asks: the running server's lock and options, the WAL (fetched separately), and folders
// whose contents are rebuilt at start-up. The folders themselves are kept.
const SKIPPED_FILES = new Set(["postmaster.pid", "postmaster.opts", "backup_label", "tablespace_map", "standby.signal", "recovery.signal", "server.log"]);
const EMPTIED_FOLDERS = new Set(["pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans"]);

function keepInCopy(dataDir: string, source: string): boolean {
  const relative = path.relative(dataDir, source);
  if (relative === "") return true;
  const parts = relative.split(path.sep);
  if (parts.length === 1) return !SKIPPED_FILES.has(parts[0]!) && !parts[0]!.startsWith("pgsql_tmp");
  return !EMPTIED_FOLDERS.has(parts[0]!) && !parts.some((part) => part.startsWith("pgsql_tmp"));
}

export interface BaseBackupResult {
  /** Where the WAL needed to make the copy consistent starts and ends. */
  startLsn: string;
  stopLsn: string;
  finishedAt: Date;
}

/**
 * Copies the data folder `dataDir` of the server at `adminUrl` (a superuser or a role with the
 * backup functions granted) into `targetDir` (created; must not exist yet), consistent once the
 * WAL from startLsn to stopLsn is replayed on it. With WAL archiving on, pg_backup_stop() waits
 * until that WAL is archived, so a restore from the archive has all it needs.
 */
export async function takeBaseBackup(options: { adminUrl: string; dataDir: string; targetDir: string; label: string }): Promise<BaseBackupResult> {
  const { adminUrl, dataDir, targetDir, label } = options;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    // fast = true: an immediate checkpoint, so the backup starts now rather than at the next one.
    const started = await client.query<{ lsn: string }>("SELECT pg_backup_start($1, true)::text AS lsn", [label]);
    let stopped: { lsn: string; labelfile: string; spcmapfile: string } | undefined;
    try {
      await mkdir(targetDir, { mode: 0o700 });
      await cp(dataDir, targetDir, { recursive: true, filter: (source) => keepInCopy(dataDir, source) });
      for (const folder of EMPTIED_FOLDERS) await mkdir(path.join(targetDir, folder), { recursive: true, mode: 0o700 });
      await mkdir(path.join(targetDir, "pg_wal", "archive_status"), { recursive: true, mode: 0o700 });
    } finally {
      // Always ends the backup mode, even when the copy failed (the session would end it too).
      const result = await client.query<{ lsn: string; labelfile: string; spcmapfile: string }>(
        "SELECT lsn::text AS lsn, labelfile, spcmapfile FROM pg_backup_stop(true)",
      );
      stopped = result.rows[0];
    }
    if (!stopped) throw new Error("pg_backup_stop() returned nothing");
    await writeFile(path.join(targetDir, "backup_label"), stopped.labelfile, { mode: 0o600 });
    if (stopped.spcmapfile) await writeFile(path.join(targetDir, "tablespace_map"), stopped.spcmapfile, { mode: 0o600 });
    await giveToPostgresUser(targetDir);
    return { startLsn: started.rows[0]!.lsn, stopLsn: stopped.lsn, finishedAt: new Date() };
  } finally {
    await client.end();
  }
}
