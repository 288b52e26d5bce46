import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { applyMigrations, DEFAULT_MIGRATIONS_DIR, MigrationError, readMigrationFiles } from "@/lib/db/migrations";
import { databaseUrl, dropDatabase } from "../support/test-cluster";

const adminUrl = inject("testDatabaseAdminUrl");
const created: string[] = [];

async function emptyDatabase(): Promise<string> {
  const name = `migr_${created.length}_${Date.now()}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  created.push(name);
  return databaseUrl(adminUrl, name);
}

async function bookkeeping(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

/** Runs `work` on a throw-away copy of prisma/migrations that it may edit. */
async function withMigrationsCopy(work: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "migrations-"));
  try {
    await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
    await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

afterAll(async () => {
  for (const name of created) await dropDatabase(adminUrl, name);
});

describe("the migration runner", () => {
  it("applies every migration once and records it the way prisma migrate does", async () => {
    const url = await emptyDatabase();
    const files = await readMigrationFiles();
    const first = await applyMigrations(url);
    expect(first.applied).toEqual(files.map((file) => file.name));
    const second = await applyMigrations(url);
    expect(second).toEqual({ applied: [], alreadyApplied: files.length });

    const rows = await bookkeeping(url);
    expect(rows).toHaveLength(files.length);
    for (const [index, row] of rows.entries()) {
      const sql = await readFile(path.join(DEFAULT_MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.migration_name).toBe(files[index]?.name);
    }
  });

  it("two runs at the same time apply each migration only once (advisory lock)", async () => {
    const url = await emptyDatabase();
    const [a, b] = await Promise.all([applyMigrations(url), applyMigrations(url)]);
    expect(a.applied.length + b.applied.length).toBe((await readMigrationFiles()).length);
    expect(await bookkeeping(url)).toHaveLength((await readMigrationFiles()).length);
  });

  it("refuses to go on when an applied migration file was edited afterwards", async () => {
    const url = await emptyDatabase();
    await applyMigrations(url);
    await withMigrationsCopy(async (dir) => {
      const [first] = await readMigrationFiles(dir);
      if (!first) throw new Error("no migrations");
      await writeFile(path.join(dir, first.name, "migration.sql"), first.sql + "\n-- edited\n");
      await expect(applyMigrations(url, { dir })).rejects.toThrow(MigrationError);
      await expect(applyMigrations(url, { dir })).rejects.toThrow(/was changed after it was applied/);
    });
  });

  it("accepts a migration checked out with Windows line endings, as Prisma does", async () => {
    const url = await emptyDatabase();
    await applyMigrations(url);
    await withMigrationsCopy(async (dir) => {
      for (const file of await readMigrationFiles(dir)) {
        await writeFile(path.join(dir, file.name, "migration.sql"), file.sql.replace(/\n/g, "\r\n"));
      }
      await expect(applyMigrations(url, { dir })).resolves.toMatchObject({ applied: [] });
    });
  });

  it("rolls a failing migration back completely and says which one failed", async () => {
    const url = await emptyDatabase();
    await withMigrationsCopy(async (dir) => {
      await mkdir(path.join(dir, "29990101000000_broken"));
      await writeFile(path.join(dir, "29990101000000_broken", "migration.sql"), 'CREATE TABLE "Half" (id int);\nSELECT no_such_function();\n');
      await expect(applyMigrations(url, { dir })).rejects.toThrow(/29990101000000_broken failed and was rolled back/);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rowCount } = await client.query(`SELECT 1 FROM pg_tables WHERE tablename = 'Half'`);
      await client.end();
      expect(rowCount).toBe(0);
      expect((await bookkeeping(url)).map((row) => row.migration_name)).not.toContain("29990101000000_broken");
    });
  });
});
