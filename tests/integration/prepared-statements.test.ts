// The comment paths' statements are kept prepared on their connections (lib/db/sql.ts): parsing
// and planning them again on every post would be half of PostgreSQL's CPU per comment. Checked in
// PostgreSQL's own view of the session (pg_prepared_statements), on a real connection.
import { beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff-user";
import { likeComment } from "@/lib/comments/comment-reactions";
import { listPublicComments } from "@/lib/comments/list-comments";
import { postComment } from "@/lib/comments/post-comment";
import { db, dbPool } from "@/lib/db";
import { runSql } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { createArticle, createStaff } from "../support/staff-fixtures";
import { ipv4Visitor } from "../support/comment-visitors";

let admin: StaffUser;
let storyId: number;

/** The prepared statements of the pool's most recently used connection (pg-pool hands idle ones out last in, first out). */
async function preparedOnLastConnection(): Promise<string[]> {
  const client = await dbPool().connect();
  try {
    const { rows } = await client.query<{ statement: string }>(`SELECT statement FROM pg_prepared_statements`);
    return rows.map((row) => row.statement);
  } finally {
    client.release();
  }
}

beforeAll(async () => {
  admin = await createStaff("ADMIN");
  ({ id: storyId } = await createArticle(admin.id, "PUBLISHED"));
  await db.article.update({ where: { id: storyId }, data: { publishedAt: new Date(Date.now() - 3_600_000) } });
});

describe("statements kept prepared", () => {
  it("a statement marked prepared is parsed once per connection and gives the same rows each time", async () => {
    const client = await dbPool().connect();
    try {
      const statement = (n: number) => Prisma.sql`SELECT ${n}::int + 1 AS "next" -- prepared-test`;
      const first = await runSql<{ next: number }>(client, statement(1), { prepared: true });
      const second = await runSql<{ next: number }>(client, statement(41), { prepared: true });
      expect([first[0]?.next, second[0]?.next]).toEqual([2, 42]);
      const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement LIKE '%prepared-test%'`);
      expect(rows[0]?.n).toBe(1);
      // Unmarked statements are not kept.
      await runSql(client, Prisma.sql`SELECT ${1}::int AS "one" -- unprepared-test`);
      const unmarked = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement LIKE '%unprepared-test%'`);
      expect(unmarked.rows[0]?.n).toBe(0);
    } finally {
      client.release();
    }
  });

  it("posting, listing and liking comments run prepared statements", async () => {
    const posted = await postComment(storyId, { nickname: "독자", password: "pass1234", body: "준비된 문장 시험" }, ipv4Visitor("prepared-source-1"));
    await listPublicComments(storyId, {});
    await likeComment(posted.id, ipv4Visitor("prepared-source-2"));
    // Run one after another, each call took the same idle connection back.
    const prepared = (await preparedOnLastConnection()).join("\n---\n");
    expect(prepared).toContain(`INSERT INTO "Comment"`);
    expect(prepared).toContain(`(SELECT max(b."expiresAt") FROM "CommentBan" b`);
    expect(prepared).toContain(`coalesce(json_agg(p), '[]'::json)`);
    expect(prepared).toContain(`INSERT INTO "CommentLike"`);
  });

  it("a statement whose text keeps changing stops being prepared after a bounded number of texts", async () => {
    const client = await dbPool().connect();
    try {
      for (let i = 0; i < 100; i += 1) await runSql(client, Prisma.sql`SELECT ${i}::int AS "n" -- varying-${Prisma.raw(String(i))}`, { prepared: true });
      const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement LIKE '%varying-%'`);
      expect(rows[0]?.n).toBeGreaterThan(0);
      expect(rows[0]?.n).toBeLessThanOrEqual(64);
    } finally {
      client.release();
    }
  });
});
