// SQL against the database of the app shared by the browser tests (tests/support/global-app-server.ts),
// for setting up and checking what a browser flow did.
import pg from "pg";
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
