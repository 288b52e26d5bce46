import "server-only";
// Running Prisma.sql statements on the pg pool directly, for the hot paths (posting and listing
// comments): measured here, a transaction of three raw statements costs about 1.4-2.7 ms of CPU
// through Prisma's interactive transaction and 0.3-0.5 ms on pg. Everything else uses Prisma.
// Statements are still written with Prisma.sql (parameters, never string concatenation), and
// dates are passed and read as UTC, the way Prisma's adapter does.
import { createHash } from "node:crypto";
import pg from "pg";
import { dbPool, readerPool } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

// Columns are `timestamp(3) without time zone` holding UTC (Prisma's convention). pg would read
// them, and write Dates, in the process's local zone; these keep them UTC whatever TZ is set.
const TIMESTAMP_OID = 1114;
const utcTypes = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === TIMESTAMP_OID) return (value: string) => new Date(`${value.replace(" ", "T")}Z`);
    return format === "binary" ? pg.types.getTypeParser(oid, "binary") : pg.types.getTypeParser(oid, "text");
  },
};

const toParameter = (value: unknown) => (value instanceof Date ? value.toISOString().replace("Z", "") : value);

export type SqlClient = pg.Pool | pg.PoolClient;

export interface SqlOptions {
  /**
   * Keep the statement parsed on each connection (and planned, once PostgreSQL finds its generic
   * plan as good as the custom ones), under a name derived from its text. For the hot statements
   * whose text is fixed and only the values change: on the comment post, parsing and planning the
   * same statements again is about half of PostgreSQL's CPU per comment (1.58 ms unprepared, about
   * 0.8 ms prepared, measured with the post alone, 32 at a time). Not for statements whose text varies
   * with the input (every variant stays prepared on every connection), nor for those whose plan
   * must follow the values (search).
   */
  prepared?: boolean;
}

const preparedNames = new Map<string, string>();
/** Past this many texts a statement marked `prepared` must be varying: the rest run unprepared. */
const MAX_PREPARED_TEXTS = 64;

/** A name per statement text (equal texts share a name, different texts never do), or none. */
function preparedNameFor(text: string): string | undefined {
  let name = preparedNames.get(text);
  if (!name && preparedNames.size < MAX_PREPARED_TEXTS) {
    name = `p_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
    preparedNames.set(text, name);
  }
  return name;
}

export async function runSql<Row extends pg.QueryResultRow>(client: SqlClient, statement: Prisma.Sql, options: SqlOptions = {}): Promise<Row[]> {
  const name = options.prepared ? preparedNameFor(statement.text) : undefined;
  const result = await client.query<Row>({ name, text: statement.text, values: statement.values.map(toParameter), types: utcTypes });
  return result.rows;
}

/**
 * Runs `work` on a connection of `pool` inside the transaction `begin` opens (one round trip,
 * with whatever must come first), committed after it, rolled back if it throws.
 */
async function inTransactionOn<T>(pool: pg.Pool, begin: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    // A connection that could not even roll back is dropped, not returned to the pool.
    client.release(broken);
  }
}

/**
 * Runs `work` in one transaction on a pooled connection (rolled back if it throws). With
 * `advisoryLock`, the transaction-scoped lock is taken in the same round trip as BEGIN (both
 * numbers are checked integers, so the one-string form is safe).
 */
export async function inSqlTransaction<T>(work: (client: pg.PoolClient) => Promise<T>, options: { advisoryLock?: [number, number] } = {}): Promise<T> {
  const lock = options.advisoryLock;
  if (lock && !lock.every((key) => Number.isSafeInteger(key) && Math.abs(key) <= 2 ** 31)) throw new Error("advisory lock keys must be 32-bit integers");
  return inTransactionOn(dbPool(), lock ? `BEGIN; SELECT pg_advisory_xact_lock(${lock[0]}, ${lock[1]})` : "BEGIN", work);
}

/** Runs one statement on a pooled connection of its own (no transaction). */
export function runPooledSql<Row extends pg.QueryResultRow>(statement: Prisma.Sql, options: SqlOptions = {}): Promise<Row[]> {
  return runSql<Row>(dbPool(), statement, options);
}

/** Planner settings for one statement (`SET LOCAL`), e.g. { enable_seqscan: "off" }. */
export type PlannerSettings = Record<string, "on" | "off">;

/**
 * Runs `statement` in a read-only transaction with `settings` in force, in the same round trip as
 * BEGIN. For the rare statement whose best plan the planner cannot see from its statistics (see
 * lib/search/search-sql.ts); names are checked, values are "on" or "off".
 */
function runWithPlannerSettings<Row extends pg.QueryResultRow>(pool: pg.Pool, statement: Prisma.Sql, settings: PlannerSettings): Promise<Row[]> {
  const sets = Object.entries(settings).map(([name, value]) => {
    if (!/^[a-z_]+$/.test(name) || (value !== "on" && value !== "off")) throw new Error(`not a planner setting: ${name}=${value}`);
    return `SET LOCAL ${name} = ${value}`;
  });
  return inTransactionOn(pool, ["BEGIN READ ONLY", ...sets].join("; "), (client) => runSql<Row>(client, statement));
}

/**
 * Runs one read-only statement for readers: on a read replica when one is usable, falling back
 * to the primary when the replica fails (a reader gets an answer, never the replica's error).
 */
export async function runReaderSql<Row extends pg.QueryResultRow>(statement: Prisma.Sql, options: SqlOptions & { settings?: PlannerSettings } = {}): Promise<Row[]> {
  const { settings, ...sqlOptions } = options;
  const run = (pool: pg.Pool) => (settings ? runWithPlannerSettings<Row>(pool, statement, settings) : runSql<Row>(pool, statement, sqlOptions));
  const { pool, markFailed } = readerPool();
  if (!markFailed) return run(pool);
  try {
    return await run(pool);
  } catch {
    const rows = await run(dbPool());
    markFailed();
    return rows;
  }
}
