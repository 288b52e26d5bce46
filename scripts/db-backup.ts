// npm run db:backup: an online base backup of the embedded database (with its media and
// secrets) into BACKUP_DIR (default .data/backups), beside the WAL archive that npm start keeps
// filling; the oldest backups beyond BACKUP_KEEP are removed. Works whether or not the newsroom
// is running. For an external DATABASE_URL it refuses: use that server's own backup tools.
import { existsSync } from "node:fs";
import path from "node:path";
import { readEnv } from "@/lib/config/env";
import { EXTERNAL_DATABASE_MESSAGE, backupEmbeddedDatabase, prepareWalArchive, pruneBackups, walArchiveSettings, type EmbeddedLayout } from "@/lib/db/backups";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";
import { defaultMediaDir } from "@/lib/media/storage";
import { runCli } from "@/server/cli";
import { defaultBackupDir, loadOrCreateLocalSecrets, postgresDataDir, secretsFile } from "@/server/local-data";
import { StartupError } from "@/lib/config/startup-error";

const log = (line: string) => console.log(`[db:backup] ${line}`);

await runCli(async () => {
  const env = readEnv();
  if (env.DATABASE_URL) throw new StartupError(EXTERNAL_DATABASE_MESSAGE);
  if (!existsSync(path.join(postgresDataDir, "PG_VERSION"))) throw new StartupError(`no embedded database in ${postgresDataDir}: run npm start once first`);
  const layout: EmbeddedLayout = { postgresDir: postgresDataDir, mediaDir: defaultMediaDir(), secretsFile, backupDir: env.BACKUP_DIR ?? defaultBackupDir };
  const secrets = await loadOrCreateLocalSecrets();

  // Not running (no postmaster.pid): start it for the backup, with WAL archiving, and stop it after.
  let started: EmbeddedDatabase | undefined;
  if (!existsSync(path.join(postgresDataDir, "postmaster.pid"))) {
    await prepareWalArchive(layout.backupDir);
    log("the newsroom is not running: starting its database for the backup ...");
    started = await startEmbeddedPostgres({ dataDir: postgresDataDir, port: env.EMBEDDED_PG_PORT, password: secrets.postgresPassword, database: "newsroom", settings: walArchiveSettings(layout.backupDir) });
  }
  try {
    const adminUrl = `postgresql://postgres:${encodeURIComponent(secrets.postgresPassword)}@127.0.0.1:${env.EMBEDDED_PG_PORT}/postgres`;
    const backup = await backupEmbeddedDatabase(layout, adminUrl);
    log(`base backup written to ${backup.folder} (WAL ${backup.startLsn} .. ${backup.stopLsn}, archived in ${path.join(layout.backupDir, "wal")})`);
    const pruned = await pruneBackups(layout.backupDir, env.BACKUP_KEEP);
    if (pruned.removedBackups) log(`removed ${pruned.removedBackups} older backups and ${pruned.removedSegments} WAL segments only they needed (BACKUP_KEEP=${env.BACKUP_KEEP})`);
    log("restore with: npm run db:restore  (or: npm run db:restore -- --time '2026-11-25T21:30:00+09:00')");
  } finally {
    await started?.stop();
  }
});
