// The embedded database's backups, round trip on a real cluster: WAL archiving on (as npm start
// runs it), a newsroom written, a base backup taken (lib/db/backups.ts, what npm run db:backup
// does), more changes with a moment noted between them; then restores into fresh data folders:
// to the end of the WAL archive (everything is back: staff, stories, revisions) and to the noted
// moment (point-in-time recovery: what came after it is not).
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetServerEnv } from "@/lib/config/env";
import type { Db } from "@/lib/db/client";
import { backupEmbeddedDatabase, listBackups, prepareRestore, prepareWalArchive, pruneBackups, startRestoredDatabase, walArchiveSettings, walFolder, type BackupInfo, type EmbeddedLayout } from "@/lib/db/backups";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrations";
import { createArticle, createStaff } from "../support/staff-fixtures";
import { findFreePort } from "../support/test-cluster";

const PASSWORD = "backup-test-password";
let folder: string;
let layout: EmbeddedLayout;
let server: EmbeddedDatabase | undefined;
let backup: BackupInfo;
let notedTime: Date;
interface Snapshot {
  staff: string[];
  stories: string[];
  revisions: number[];
}
let atNotedTime: Snapshot;
let atEnd: Snapshot;

async function snapshot(url: string): Promise<Snapshot> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const staff = await client.query<{ email: string }>(`SELECT "email" FROM "User" ORDER BY "email"`);
    const stories = await client.query<{ headline: string }>(`SELECT "headline" FROM "Article" ORDER BY "id"`);
    const revisions = await client.query<{ id: number }>(`SELECT "id" FROM "ArticleRevision" ORDER BY "id"`);
    return { staff: staff.rows.map((row) => row.email), stories: stories.rows.map((row) => row.headline), revisions: revisions.rows.map((row) => row.id) };
  } finally {
    await client.end();
  }
}

/** Restores `backup` into a new data folder (sharing the WAL archive), started on a free port. */
async function restoreInto(name: string, targetTime?: Date): Promise<{ server: EmbeddedDatabase; state: Snapshot }> {
  const restored: EmbeddedLayout = { ...layout, postgresDir: path.join(folder, name), mediaDir: path.join(folder, `${name}-media`), secretsFile: path.join(folder, `${name}-secrets.json`) };
  await prepareRestore(restored, backup, { targetTime });
  const running = await startRestoredDatabase(restored, { port: await findFreePort(), password: PASSWORD, database: "newsroom" });
  return { server: running, state: await snapshot(running.urlFor("newsroom")) };
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "newsroom-backup-"));
  await chmod(folder, 0o755);
  layout = { postgresDir: path.join(folder, "postgres"), mediaDir: path.join(folder, "media"), secretsFile: path.join(folder, "secrets.json"), backupDir: path.join(folder, "backups") };
  await mkdir(layout.mediaDir);
  await writeFile(path.join(layout.mediaDir, "photo.webp"), "image bytes");
  await writeFile(layout.secretsFile, "{}\n");
  await prepareWalArchive(layout.backupDir);
  server = await startEmbeddedPostgres({ dataDir: layout.postgresDir, port: await findFreePort(), password: PASSWORD, database: "newsroom", settings: walArchiveSettings(layout.backupDir) });
  const url = server.urlFor("newsroom");
  await applyMigrations(url);
  process.env.DATABASE_URL = url; // lib/db.ts (used by the fixtures) connects on first use
  resetServerEnv();

  // The newsroom before the backup.
  const reporter = await createStaff("REPORTER");
  await createStaff("EDITOR");
  await createArticle(reporter.id, "PUBLISHED");
  await createArticle(reporter.id, "DRAFT");
  backup = await backupEmbeddedDatabase(layout, server.urlFor("postgres"));

  // After the backup: a story before the noted moment, one after it.
  await createArticle(reporter.id, "PUBLISHED");
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  notedTime = new Date();
  atNotedTime = await snapshot(url);
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  await createStaff("REPORTER");
  await createArticle(reporter.id, "PUBLISHED");
  atEnd = await snapshot(url);

  // The last, unfinished WAL segment is archived by archive_timeout; here, at once.
  const holder = globalThis as unknown as { newsroomDb?: Db };
  await holder.newsroomDb?.$disconnect();
  holder.newsroomDb = undefined;
  const admin = new pg.Client({ connectionString: server.urlFor("postgres") });
  await admin.connect();
  const { rows } = await admin.query<{ file: string }>("SELECT pg_walfile_name(pg_switch_wal()) AS file");
  await admin.end();
  const deadline = Date.now() + 15_000;
  while (!existsSync(path.join(walFolder(layout.backupDir), rows[0]!.file)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  await server.stop();
  server = undefined;
}, 60_000);

afterAll(async () => {
  await server?.stop();
  if (folder) await rm(folder, { recursive: true, force: true });
}, 60_000);

describe("backup and restore of the embedded database", () => {
  it("the backup holds the data folder copy, media, secrets and its WAL range; the WAL is archived", async () => {
    expect(await listBackups(layout.backupDir)).toEqual([backup]);
    expect(existsSync(path.join(backup.folder, "postgres", "backup_label"))).toBe(true);
    expect(existsSync(path.join(backup.folder, "postgres", "postmaster.pid"))).toBe(false);
    expect(await readdir(path.join(backup.folder, "postgres", "pg_wal"))).not.toContain(expect.stringMatching(/^[0-9A-F]{24}$/));
    expect(existsSync(path.join(backup.folder, "media", "photo.webp"))).toBe(true);
    expect(existsSync(path.join(backup.folder, "secrets.json"))).toBe(true);
    expect((await readdir(walFolder(layout.backupDir))).length).toBeGreaterThan(1);
    expect(atEnd.stories.length).toBe(atNotedTime.stories.length + 1);
  });

  it("a restore replays the archive to its end: staff, stories and revisions are all back", async () => {
    const { server: restored, state } = await restoreInto("restored-latest");
    try {
      expect(state).toEqual(atEnd);
      // Open for writing again, with the recovery settings gone.
      const client = new pg.Client({ connectionString: restored.urlFor("newsroom") });
      await client.connect();
      const { rows } = await client.query<{ recovering: boolean }>("SELECT pg_is_in_recovery() AS recovering");
      await client.query(`INSERT INTO "Tag" ("name", "slug") VALUES ('복원 확인', 'restore-check')`);
      await client.end();
      expect(rows[0]?.recovering).toBe(false);
      expect(await readFile(path.join(folder, "restored-latest", "postgresql.auto.conf"), "utf8")).not.toMatch(/restore_command|recovery_target/);
    } finally {
      await restored.stop();
    }
    expect(existsSync(path.join(folder, "restored-latest-media", "photo.webp"))).toBe(true);
  });

  it("a point-in-time restore stops at the noted moment: what came after it is not there", async () => {
    const { server: restored, state } = await restoreInto("restored-pitr", notedTime);
    try {
      expect(state).toEqual(atNotedTime);
      expect(state.stories.length).toBeLessThan(atEnd.stories.length);
    } finally {
      await restored.stop();
    }
  });

  it("pruning keeps the WAL the kept backups need and removes older segments and backups", async () => {
    const segments = async () => (await readdir(walFolder(layout.backupDir))).filter((name) => /^[0-9A-F]{24}$/.test(name)).sort();
    const before = await segments();
    const older = path.join(layout.backupDir, "base", "0000-older");
    await mkdir(older);
    await writeFile(path.join(older, "backup.json"), JSON.stringify({ startLsn: "0/1000028", stopLsn: "0/1000100", finishedAt: "2000-01-01T00:00:00.000Z" }));
    // An unneeded segment from before the backup (the cluster's first ones may never be archived).
    await writeFile(path.join(walFolder(layout.backupDir), "000000010000000000000000"), "");
    // PostgreSQL names the backup history file after the segment where the backup started.
    const history = (await readdir(walFolder(layout.backupDir))).find((name) => name.endsWith(".backup"))!;
    const needed = before.filter((name) => name >= history.slice(0, 24));
    const pruned = await pruneBackups(layout.backupDir, 1);
    expect(pruned.removedBackups).toBe(1);
    expect(pruned.removedSegments).toBe(before.length + 1 - needed.length);
    expect(existsSync(older)).toBe(false);
    expect(await segments()).toEqual(needed);
    expect(needed.length).toBeGreaterThan(0);
    expect(await listBackups(layout.backupDir)).toEqual([backup]);
  });

  it("refuses a target time before the backup finished, and a data folder in use", async () => {
    await expect(prepareRestore({ ...layout, postgresDir: path.join(folder, "never") }, backup, { targetTime: new Date(Date.parse(backup.finishedAt) - 60_000) })).rejects.toThrow(/pick an older backup/);
    await mkdir(path.join(folder, "busy"));
    await writeFile(path.join(folder, "busy", "postmaster.pid"), "1\n");
    await expect(prepareRestore({ ...layout, postgresDir: path.join(folder, "busy") }, backup)).rejects.toThrow(/in use/);
  });
});
