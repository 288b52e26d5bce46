// SQL against the database of the app shared by the browser tests (tests/support/global-app-server.ts),
// for setting up and checking what a browser flow did.
import pg from "pg";
import { articlePath } from "@/lib/articles/public/article-url";
import { inject } from "vitest";

export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: inject("appDatabaseUrl") });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/**
 * The public address of the published demo story whose headline contains `headlinePart`. Other
 * test files publish stories on the same app, so a seeded story may have left the front page:
 * tests that need one go to it by its address.
 */
export async function demoStoryPath(headlinePart: string): Promise<string> {
  const [story] = await query<{ id: number; slug: string }>(
    `SELECT id, slug FROM "Article" WHERE status = 'PUBLISHED' AND headline LIKE '%' || $1 || '%' ORDER BY id LIMIT 1`,
    [headlinePart],
  );
  if (!story) throw new Error(`no published demo story has "${headlinePart}" in its headline`);
  return articlePath(story);
}
