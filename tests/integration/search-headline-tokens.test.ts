// The migration that put headline tokens into the search index wrote them for existing entries in
// SQL; new entries get them from headlineTokens() in TypeScript. The two must agree exactly, or a
// story published before the upgrade would be missed by "every term in the headline". This runs
// the migration's UPDATE on entries holding only the old tokens and compares.
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSearchDocument } from "@/lib/search/search-index";
import { documentTokens } from "@/lib/search/korean-text";
import { createArticle, createStaff } from "../support/staff-fixtures";

const MIGRATION = path.join(process.cwd(), "prisma/migrations/20261128000100_search_document_newest_first_index/migration.sql");
const HEADLINES = ["고양특례시, 경제자유구역 지정 추진", "AI·로봇 2024년 예산 3조", "한 글자 곰 그리고 곰곰", "이모지 🎉 축제 개막!", "Ｆｕｌｌ-width ＡＢＣ 123", "ㄱ"];

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
});
afterAll(() => client.end());

describe("headline tokens written by the migration", () => {
  it("equal the ones the app writes, for every kind of headline", async () => {
    const author = await createStaff("REPORTER");
    const update = (await readFile(MIGRATION, "utf8")).split(/;\s*$/m).find((statement) => statement.includes("UPDATE"));
    expect(update).toBeDefined();
    const expected = new Map<number, string[]>();
    for (const headline of HEADLINES) {
      const article = await createArticle(author.id, "PUBLISHED");
      const document = buildSearchDocument({ headline, subHeadlines: [], bodyText: "본문", heroCaption: "" });
      expected.set(article.id, [...document.tokens].sort());
      // As the entry was before the upgrade: the content's tokens only.
      await client.query(`INSERT INTO "ArticleSearchDocument" ("articleId", "revisionId", "headline", "content", "tokens", "publishedAt", "updatedAt") VALUES ($1, 'r', $2, $3, $4, now(), now())`, [
        article.id,
        document.headline,
        document.content,
        documentTokens(document.content),
      ]);
    }
    await client.query(update!);
    const { rows } = await client.query<{ articleId: number; tokens: string[] }>(`SELECT "articleId", "tokens" FROM "ArticleSearchDocument"`);
    expect(rows).toHaveLength(HEADLINES.length);
    for (const row of rows) expect([...row.tokens].sort(), `story ${row.articleId}`).toEqual(expected.get(row.articleId));
    // Run twice, it adds nothing: entries that have headline tokens are left alone.
    await client.query(update!);
    const again = await client.query<{ articleId: number; tokens: string[] }>(`SELECT "articleId", "tokens" FROM "ArticleSearchDocument"`);
    for (const row of again.rows) expect([...row.tokens].sort()).toEqual(expected.get(row.articleId));
  });
});
