import "server-only";
// Group commit for readers' reactions. A storm of clicks on a breaking story (1,000 a second on
// one story) written one statement and one commit per click spends most of a core in
// PostgreSQL's per-statement and per-commit work, and the readers of the same story wait behind
// it. So the clicks that arrive while a write is under way wait for it to finish and then go
// together: one statement sets all of them and one commit makes them durable. Nobody is answered
// before the commit that holds their click (none lost), and a click alone is written at once (no
// timer: a quiet site waits for nothing).
//
// Order is kept: one write at a time per process, in arrival order; a batch never holds two
// clicks of the same reader on the same story (the second waits for the next batch), and a
// withdrawal goes alone, in its turn.
import { publiclyVisibleSql } from "@/lib/articles/public/visibility";
import { runPooledSql } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ReactionKind } from "@/lib/reactions/reaction-kinds";

/** What the statement tells about one click. */
export interface ReactionWrite {
  /** Whether the story is one readers may see now (nothing is written otherwise). */
  found: boolean;
  /** The reader's reaction now (null: withdrawn or nothing written). */
  saved: ReactionKind | null;
  /** What it was before this click (null: none). */
  previous: ReactionKind | null;
}

interface Click {
  articleId: number;
  voterHash: string;
  /** The reaction to set; null withdraws. */
  kind: ReactionKind | null;
  at: Date;
  settle: { resolve: (write: ReactionWrite) => void; reject: (error: unknown) => void };
}

/** Past this many a batch is cut: the statement's arrays stay small and one batch's wait short. */
const MAX_BATCH = 500;

const queue: Click[] = [];
let writing = false;

/** Sets (kind) or withdraws (null) a reader's reaction; resolves once it is committed. */
export function writeReaction(articleId: number, voterHash: string, kind: ReactionKind | null, at: Date): Promise<ReactionWrite> {
  return new Promise<ReactionWrite>((resolve, reject) => {
    queue.push({ articleId, voterHash, kind, at, settle: { resolve, reject } });
    if (!writing) void drain();
  });
}

async function drain(): Promise<void> {
  writing = true;
  try {
    while (queue.length > 0) {
      const batch = nextBatch();
      try {
        const writes = batch[0]!.kind === null ? [await withdrawOne(batch[0]!)] : await setMany(batch);
        batch.forEach((click, i) => click.settle.resolve(writes[i]!));
      } catch (error) {
        for (const click of batch) click.settle.reject(error);
      }
    }
  } finally {
    writing = false;
  }
}

/** The clicks at the head of the queue that can share one statement (taken off the queue). */
function nextBatch(): Click[] {
  if (queue[0]!.kind === null) return queue.splice(0, 1);
  const keys = new Set<string>();
  let end = 0;
  while (end < queue.length && end < MAX_BATCH) {
    const click = queue[end]!;
    const key = `${click.articleId}:${click.voterHash}`;
    if (click.kind === null || keys.has(key)) break;
    keys.add(key);
    end += 1;
  }
  return queue.splice(0, end);
}

// Timestamps travel as text in UTC (the columns hold UTC without a zone, lib/db/sql.ts).
const utcText = (at: Date) => at.toISOString().replace("Z", "");

/**
 * One statement for many clicks, each checked against the visibility rule at its own time. All
 * parts of a statement see the same snapshot: `previous` is each row as it was before `saved`.
 * Choosing the same reaction again writes nothing (the WHERE of DO UPDATE).
 */
async function setMany(batch: Click[]): Promise<ReactionWrite[]> {
  const rows = await runPooledSql<{ ord: number; found: boolean; saved: ReactionKind | null; previous: ReactionKind | null }>(
    Prisma.sql`
    WITH input AS (
      SELECT * FROM unnest(${batch.map((c) => c.articleId)}::int[], ${batch.map((c) => c.voterHash)}::text[], ${batch.map((c) => c.kind)}::text[], ${batch.map((c) => utcText(c.at))}::timestamp(3)[])
        WITH ORDINALITY AS i("articleId", "voterHash", "kind", "at", "ord")
    ), target AS (
      SELECT i.* FROM input i JOIN "Article" a ON a."id" = i."articleId" WHERE ${publiclyVisibleSql("a", Prisma.sql`i."at"`)}
    ), previous AS (
      SELECT t."ord", r."kind" FROM target t JOIN "ArticleReaction" r ON r."articleId" = t."articleId" AND r."voterHash" = t."voterHash"
    ), saved AS (
      INSERT INTO "ArticleReaction" ("articleId", "voterHash", "kind", "createdAt", "updatedAt")
      SELECT "articleId", "voterHash", "kind"::"ReactionKind", "at", "at" FROM target
      ON CONFLICT ("articleId", "voterHash") DO UPDATE SET "kind" = EXCLUDED."kind", "updatedAt" = EXCLUDED."updatedAt"
        WHERE "ArticleReaction"."kind" IS DISTINCT FROM EXCLUDED."kind"
      RETURNING "articleId", "voterHash", "kind"
    )
    SELECT i."ord"::int AS "ord", t."ord" IS NOT NULL AS "found", s."kind"::text AS "saved", p."kind"::text AS "previous"
    FROM input i
    LEFT JOIN target t ON t."ord" = i."ord"
    LEFT JOIN previous p ON p."ord" = i."ord"
    LEFT JOIN saved s ON s."articleId" = i."articleId" AND s."voterHash" = i."voterHash"`,
    { prepared: true },
  );
  const byOrd = new Map(rows.map((row) => [row.ord, row]));
  return batch.map((click, i) => {
    const row = byOrd.get(i + 1);
    const found = row?.found ?? false;
    // Unchanged (the same reaction again): nothing saved, and the reaction is what it was.
    return { found, saved: found ? (row?.saved ?? row?.previous ?? click.kind) : null, previous: row?.previous ?? null };
  });
}

async function withdrawOne(click: Click): Promise<ReactionWrite> {
  const rows = await runPooledSql<{ found: boolean; previous: ReactionKind | null }>(
    Prisma.sql`
    WITH target AS (
      SELECT a."id" FROM "Article" a WHERE a."id" = ${click.articleId} AND ${publiclyVisibleSql("a", click.at)}
    ), removed AS (
      DELETE FROM "ArticleReaction" r USING target t WHERE r."articleId" = t."id" AND r."voterHash" = ${click.voterHash} RETURNING r."kind"
    )
    SELECT EXISTS (SELECT 1 FROM target) AS "found", (SELECT "kind"::text FROM removed) AS "previous"`,
    { prepared: true },
  );
  const row = rows[0];
  return { found: row?.found ?? false, saved: null, previous: row?.previous ?? null };
}
