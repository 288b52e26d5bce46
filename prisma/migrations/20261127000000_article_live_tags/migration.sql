-- Public tags come from the live revision, not from the working copy (a tag a reporter adds to a
-- published story must not show before the desk approves it).

-- CreateTable
CREATE TABLE "ArticleLiveTag" (
    "articleId" INTEGER NOT NULL,
    "tagId" INTEGER NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ArticleLiveTag_pkey" PRIMARY KEY ("articleId","tagId")
);

-- CreateIndex
CREATE INDEX "ArticleLiveTag_tagId_idx" ON "ArticleLiveTag"("tagId");

-- AddForeignKey
ALTER TABLE "ArticleLiveTag" ADD CONSTRAINT "ArticleLiveTag_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleLiveTag" ADD CONSTRAINT "ArticleLiveTag_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill from the live revisions' tag names.
INSERT INTO "ArticleLiveTag" ("articleId", "tagId", "sortOrder")
SELECT a."id", t."id", (n.ord - 1)::int
FROM "Article" a
JOIN "ArticleRevision" r ON r."id" = a."liveRevisionId"
CROSS JOIN LATERAL unnest(r."tagNames") WITH ORDINALITY AS n(name, ord)
JOIN "Tag" t ON t."name" = n.name
ON CONFLICT DO NOTHING;
