// Applies prisma/migrations/*/migration.sql in order and records each one in `_prisma_migrations`
// exactly the way `prisma migrate deploy` does (same table, same SHA-256 checksum of the file,
// same advisory lock key), so either tool can take over from the other. We need our own runner
// because Prisma's native schema engine cannot be downloaded on the machines this project targets.
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { StartupError } from "@/lib/config/startup-error";
import { applyJobQueueMigrations } from "@/lib/jobs/job-queue-schema";

// The key `prisma migrate` locks with, so that the two never run at the same time.
const PRISMA_ADVISORY_LOCK_KEY = 72707369;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

export class MigrationError extends StartupError {
  override name = "MigrationError";
}

const sha256Hex = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * Whether a recorded checksum still matches the file. Like Prisma's own check, a file whose
 * only change is LF <-> CRLF line endings (a Windows checkout) still matches.
 */
function checksumMatches(recorded: string, file: MigrationFile): boolean {
  const variants = [file.checksum, sha256Hex(file.sql.replace(/\r\n/g, "\n")), sha256Hex(file.sql.replace(/\r?\n/g, "\r\n"))];
  return variants.includes(recorded);
}

export const DEFAULT_MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

/** The migration folders in the order Prisma applies them (by name: they start with a timestamp). */
export async function readMigrationFiles(dir = DEFAULT_MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: sha256Hex(sql) };
    }),
  );
}

const CREATE_BOOKKEEPING_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * Brings the database at `connectionString` up to date: our migrations, then the job queue's
 * own (lib/jobs/job-queue-schema.ts). Each of ours runs in its own transaction; the whole run
 * holds Prisma's advisory lock. Refuses to go on when an applied migration's file was changed
 * or an earlier run failed half-way.
 */
export async function applyMigrations(
  connectionString: string,
  options: { dir?: string; log?: (line: string) => void } = {},
): Promise<MigrationResult> {
  const files = await readMigrationFiles(options.dir);
  const log = options.log ?? (() => undefined);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    await client.query(CREATE_BOOKKEEPING_TABLE);
    const { rows } = await client.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
    );
    const applied = new Map<string, AppliedRow>();
    for (const row of rows) {
      if (row.rolled_back_at) continue;
      if (!row.finished_at) {
        throw new MigrationError(
          `Migration ${row.migration_name} failed part-way in an earlier run; fix the database and mark it rolled back before going on.`,
        );
      }
      applied.set(row.migration_name, row);
    }
    const known = new Set(files.map((file) => file.name));
    for (const name of applied.keys()) {
      if (!known.has(name)) {
        log(`warning: the database has migration ${name}, which is not in prisma/migrations`);
      }
    }

    const result: MigrationResult = { applied: [], alreadyApplied: 0 };
    for (const file of files) {
      const previous = applied.get(file.name);
      if (previous) {
        if (!checksumMatches(previous.checksum, file)) {
          throw new MigrationError(
            `Migration ${file.name} was changed after it was applied; write a new migration instead of editing an old one.`,
          );
        }
        result.alreadyApplied += 1;
        continue;
      }
      await applyOne(client, file);
      log(`applied migration ${file.name}`);
      result.applied.push(file.name);
    }
    await applyJobQueueMigrations(connectionString);
    return result;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

async function applyOne(client: pg.Client, file: MigrationFile): Promise<void> {
  const id = randomUUID();
  await client.query("BEGIN");
  try {
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), 0)`,
      [id, file.checksum, file.name],
    );
    await client.query(file.sql);
    await client.query(
      `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`Migration ${file.name} failed and was rolled back: ${reason}`);
  }
}
