// Not marked server-only: the demo seed (run by scripts outside Next.js) keeps live tags too.
import type { DbTransaction } from "@/lib/db/client";

/**
 * Makes the story's public tags those of its live revision (none when it has no live revision).
 * Called in the same transaction as every change of `liveRevisionId`: readers' tag lists and tag
 * pages read these, so a tag added to a published story's working copy stays private until the
 * desk approves it.
 */
export async function syncLiveTags(tx: DbTransaction, articleId: number): Promise<void> {
  await tx.$executeRaw`DELETE FROM "ArticleLiveTag" WHERE "articleId" = ${articleId}`;
  await tx.$executeRaw`
    INSERT INTO "ArticleLiveTag" ("articleId", "tagId", "sortOrder")
    SELECT a."id", t."id", (n.ord - 1)::int
    FROM "Article" a
    JOIN "ArticleRevision" r ON r."id" = a."liveRevisionId"
    CROSS JOIN LATERAL unnest(r."tagNames") WITH ORDINALITY AS n(name, ord)
    JOIN "Tag" t ON t."name" = n.name
    WHERE a."id" = ${articleId}
    ON CONFLICT DO NOTHING`;
}
