// Page views counted on our own server, without third-party analytics and without a database
// write per hit:
// - one count per source per story per KST day, whatever the User-Agent (a script sends any it
//   likes). A source is a reader's network address (an IPv4 address, an IPv6 /64: see
//   lib/views/record-view.ts), kept only as a hash with a salt that is random, kept only in memory
//   and replaced every day, so yesterday's hashes cannot be linked to today's and nothing that
//   identifies a reader is ever stored;
// - at most DAILY_VIEWS_PER_SOURCE counted views per source per KST day across all stories, so
//   one address cannot lift many stories either;
// - bots (by user agent, the `isbot` list) are not counted;
// - counts are buffered in memory and written in one statement per flush into ArticleView's
//   hourly rows (and Article.viewCount), every VIEW_FLUSH_SECONDS and when the server stops.
// Several app instances each keep their own buffer and salt: their counts add up, and a reader
// whose requests reach two instances on one day is counted once by each (sticky sessions at the
// load balancer avoid it). Deduplicating across instances would mean storing reader hashes in
// the database, which this design avoids on purpose.
//
// (No "server-only" marker: server/http-server.ts flushes the buffer on shutdown from
// outside Next.js. The counter lives on globalThis so that the route's bundled copy of this
// module and the server's copy share one buffer.)
import { createHash, randomBytes } from "node:crypto";
import { isbot } from "isbot";
import { publiclyVisibleWhere } from "@/lib/articles/public/visibility";
import { readAppEnv } from "@/lib/config/env";
import { createPrismaClient, type Db } from "@/lib/db/client";

const HOUR = 3_600_000;
const KST_OFFSET = 9 * HOUR;
/**
 * Stories one source can add a view to in a KST day. A keen reader opens a few dozen; an office
 * or a carrier's shared address more, but then one count per story is already what it gets.
 */
export const DAILY_VIEWS_PER_SOURCE = 50;
/** Past this many (source, story) pairs in a day the memory is cleared: a few may count twice. */
const MAX_SEEN_PER_DAY = 500_000;
/** Past this many pending (story, hour) rows new views wait for the next flush to be recorded. */
const MAX_PENDING_ROWS = 100_000;

export type ViewOutcome = "counted" | "repeat" | "capped" | "bot";

function isBotUserAgent(userAgent: string | null | undefined): boolean {
  return !userAgent || userAgent.trim() === "" || isbot(userAgent);
}

/** The KST calendar day of `date`, e.g. "2026-11-25": the unit of "one count per day". */
function kstDay(date: Date): string {
  return new Date(date.getTime() + KST_OFFSET).toISOString().slice(0, 10);
}

/** Midnight (KST) at the start of `date`'s KST day. */
export function startOfKstDay(date: Date): Date {
  return new Date(Date.parse(`${kstDay(date)}T00:00:00.000Z`) - KST_OFFSET);
}

function hourOf(date: Date): number {
  return Math.floor(date.getTime() / HOUR) * HOUR;
}

export class ViewCounter {
  private day = "";
  private salt = Buffer.alloc(0);
  private seen = new Set<string>();
  /** Per source hash: views counted today. */
  private countedBySource = new Map<string, number>();
  /** "articleId:hourMillis" -> views not yet written. */
  private pending = new Map<string, number>();

  /**
   * Counts a view unless this source already viewed this story today, has used up its views for
   * the day, or is a bot. `source` is the reader's network (record-view.ts); the User-Agent only
   * tells bots apart.
   */
  record(articleId: number, visitor: { source: string; userAgent: string | null }, now = new Date()): ViewOutcome {
    if (isBotUserAgent(visitor.userAgent)) return "bot";
    const today = kstDay(now);
    if (today !== this.day || this.seen.size >= MAX_SEEN_PER_DAY) {
      if (today !== this.day) this.salt = randomBytes(32);
      this.day = today;
      this.seen = new Set();
      this.countedBySource = new Map();
    }
    const sourceHash = createHash("sha256").update(this.salt).update(visitor.source).digest("base64url").slice(0, 22);
    const key = `${sourceHash}:${articleId}`;
    if (this.seen.has(key)) return "repeat";
    const counted = this.countedBySource.get(sourceHash) ?? 0;
    if (counted >= DAILY_VIEWS_PER_SOURCE) return "capped";
    const row = `${articleId}:${hourOf(now)}`;
    if (!this.pending.has(row) && this.pending.size >= MAX_PENDING_ROWS) return "repeat";
    this.seen.add(key);
    this.countedBySource.set(sourceHash, counted + 1);
    this.pending.set(row, (this.pending.get(row) ?? 0) + 1);
    return "counted";
  }

  /** How many views wait to be written. */
  pendingViews(): number {
    let total = 0;
    for (const count of this.pending.values()) total += count;
    return total;
  }

  /**
   * Writes the buffered counts in one transaction; returns how many views were written. Views of
   * stories that are not (or no longer) visible are dropped. On failure the counts go back into
   * the buffer for the next flush.
   */
  async flush(db: Db, now = new Date()): Promise<number> {
    if (this.pending.size === 0) return 0;
    const batch = this.pending;
    this.pending = new Map();
    try {
      return await writeViewCounts(db, batch, now);
    } catch (error) {
      for (const [row, count] of batch) this.pending.set(row, (this.pending.get(row) ?? 0) + count);
      throw error;
    }
  }
}

async function writeViewCounts(db: Db, batch: Map<string, number>, now: Date): Promise<number> {
  const rows = [...batch].map(([key, count]) => {
    const [articleId, hour] = key.split(":").map(Number) as [number, number];
    return { articleId, hour: new Date(hour).toISOString(), count };
  });
  const visible = new Set(
    (await db.article.findMany({ where: { id: { in: [...new Set(rows.map((row) => row.articleId))] }, ...publiclyVisibleWhere(now) }, select: { id: true } })).map((article) => article.id),
  );
  const kept = rows.filter((row) => visible.has(row.articleId));
  if (kept.length === 0) return 0;
  const ids = kept.map((row) => row.articleId);
  const hours = kept.map((row) => row.hour);
  const counts = kept.map((row) => row.count);
  await db.$transaction([
    // One statement for the whole batch: a row per (story, hour), added to if it exists.
    db.$executeRaw`
      INSERT INTO "ArticleView" ("articleId", "hour", "count")
      SELECT * FROM unnest(${ids}::int[], ${hours}::timestamp(3)[], ${counts}::int[])
      ON CONFLICT ("articleId", "hour") DO UPDATE SET "count" = "ArticleView"."count" + EXCLUDED."count"`,
    db.$executeRaw`
      UPDATE "Article" AS a SET "viewCount" = a."viewCount" + v.n
      FROM (SELECT id, sum(n)::int AS n FROM unnest(${ids}::int[], ${counts}::int[]) AS u(id, n) GROUP BY id) AS v
      WHERE a.id = v.id`,
  ]);
  return counts.reduce((sum, count) => sum + count, 0);
}

const GLOBAL_KEY = Symbol.for("newsroom.viewCounter");

/** This process's counter (one per process, shared by every copy of this module). */
export function processViewCounter(): ViewCounter {
  const holder = globalThis as { [GLOBAL_KEY]?: ViewCounter };
  return (holder[GLOBAL_KEY] ??= new ViewCounter());
}

/** Writes what this process still holds; for the server's shutdown. Never throws. */
export async function flushViewsBeforeExit(): Promise<void> {
  const counter = processViewCounter();
  if (counter.pendingViews() === 0) return;
  // The app's client (lib/db.ts keeps it on globalThis), or a short-lived one.
  const shared = (globalThis as { newsroomDb?: Db }).newsroomDb;
  const client = shared ?? createPrismaClient(readAppEnv().DATABASE_URL);
  try {
    await counter.flush(client);
  } catch (error) {
    console.error("writing view counts at shutdown failed", error);
  } finally {
    if (!shared) await client.$disconnect();
  }
}
