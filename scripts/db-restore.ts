// npm run db:restore [-- --backup <name>] [--time <when>] [--list]: puts a base backup of the
// embedded database back (the newest one, or the one named), replays the archived WAL to the end
// or to the given time (point-in-time recovery), and leaves the newsroom ready for npm start.
// The newsroom must be stopped; the data folder it replaces is kept, renamed, beside it.
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { readEnv } from "@/lib/config/env";
import { EXTERNAL_DATABASE_MESSAGE, listBackups, prepareRestore, startRestoredDatabase, type EmbeddedLayout } from "@/lib/db/backups";
import { defaultMediaDir } from "@/lib/media/storage";
import { runCli } from "@/server/cli";
import { defaultBackupDir, loadOrCreateLocalSecrets, postgresDataDir, secretsFile } from "@/server/local-data";
import { StartupError } from "@/lib/config/startup-error";

const log = (line: string) => console.log(`[db:restore] ${line}`);

await runCli(async () => {
  const { values } = parseArgs({ options: { backup: { type: "string" }, time: { type: "string" }, list: { type: "boolean" } } });
  const env = readEnv();
  if (env.DATABASE_URL) throw new StartupError(EXTERNAL_DATABASE_MESSAGE);
  const layout: EmbeddedLayout = { postgresDir: postgresDataDir, mediaDir: defaultMediaDir(), secretsFile, backupDir: env.BACKUP_DIR ?? defaultBackupDir };
  const backups = await listBackups(layout.backupDir);
  if (values.list || backups.length === 0) {
    if (backups.length === 0) throw new StartupError(`no backups in ${layout.backupDir} (make one with npm run db:backup)`);
    for (const backup of backups) console.log(`${path.basename(backup.folder)}  finished ${backup.finishedAt}`);
    return;
  }
  const targetTime = values.time === undefined ? undefined : new Date(values.time);
  if (targetTime && Number.isNaN(targetTime.getTime())) throw new StartupError(`--time must be a date and time such as 2026-11-25T21:30:00+09:00 (got ${values.time})`);
  // The newest backup that finished before the target time (or the named one).
  const candidates = backups.filter((backup) => !targetTime || Date.parse(backup.finishedAt) <= targetTime.getTime());
  const backup = values.backup ? backups.find((each) => path.basename(each.folder) === values.backup) : candidates.at(-1);
  if (!backup) throw new StartupError(values.backup ? `no backup named ${values.backup} (see npm run db:restore -- --list)` : `no backup finished before ${values.time}`);
  if (existsSync(path.join(layout.postgresDir, "postmaster.pid"))) throw new StartupError("the newsroom (or its database) is running: stop it first");

  const { keptOldAt } = await prepareRestore(layout, backup, { targetTime });
  if (keptOldAt) log(`the previous data folder is kept at ${keptOldAt}`);
  log(`replaying the WAL archive ${targetTime ? `up to ${targetTime.toISOString()}` : "to its end"} from ${path.basename(backup.folder)} ...`);
  const secrets = await loadOrCreateLocalSecrets();
  const server = await startRestoredDatabase(layout, { port: env.EMBEDDED_PG_PORT, password: secrets.postgresPassword, database: "newsroom" });
  await server.stop();
  log("restored: start the newsroom with npm start");
});
