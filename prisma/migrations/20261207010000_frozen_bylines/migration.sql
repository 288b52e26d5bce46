-- A byline is part of the story the desk approved: the name, title and byline e-mail of the
-- author (and co-bylines) are frozen into the revision when it becomes an article's live
-- revision, so a later profile change moves no published story until the desk approves it again.

-- CreateTable
CREATE TABLE "ArticleRevisionByline" (
    "revisionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "bylineEmail" TEXT,

    CONSTRAINT "ArticleRevisionByline_pkey" PRIMARY KEY ("revisionId","position")
);

-- CreateIndex
CREATE INDEX "ArticleRevisionByline_userId_idx" ON "ArticleRevisionByline"("userId");

-- AddForeignKey
ALTER TABLE "ArticleRevisionByline" ADD CONSTRAINT "ArticleRevisionByline_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "ArticleRevision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleRevisionByline" ADD CONSTRAINT "ArticleRevisionByline_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The byline of a story as its profiles stand now, into one revision (once: a revision that has
-- its bylines keeps them, so a story put back on the site keeps the byline it was approved with).
-- Position 0 is the author, then the co-bylines in their order.
CREATE FUNCTION "freeze_revision_bylines"(article_id INTEGER, revision_id TEXT) RETURNS void AS $$
  INSERT INTO "ArticleRevisionByline" ("revisionId", "position", "userId", "name", "title", "bylineEmail")
  SELECT revision_id, b."position", u."id", u."name", u."title", u."bylineEmail"
  FROM (
    SELECT a."authorId" AS "userId", 0 AS "position" FROM "Article" a WHERE a."id" = article_id
    UNION ALL
    SELECT c."userId", (row_number() OVER (ORDER BY c."sortOrder", c."userId"))::int
    FROM "ArticleCoAuthor" c JOIN "Article" a ON a."id" = c."articleId"
    WHERE c."articleId" = article_id AND c."userId" <> a."authorId"
  ) b
  JOIN "User" u ON u."id" = b."userId"
  WHERE NOT EXISTS (SELECT 1 FROM "ArticleRevisionByline" x WHERE x."revisionId" = revision_id)
$$ LANGUAGE sql;

-- Whatever makes a revision live (the desk's approval in lib/articles/workflow.ts, the demo seed,
-- an import), its byline is frozen in the same transaction: no live revision is ever without one.
CREATE FUNCTION "freeze_live_bylines"() RETURNS trigger AS $$
BEGIN
  PERFORM "freeze_revision_bylines"(NEW."id", NEW."liveRevisionId");
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Article_freeze_live_bylines" AFTER INSERT OR UPDATE OF "liveRevisionId" ON "Article"
  FOR EACH ROW WHEN (NEW."liveRevisionId" IS NOT NULL) EXECUTE FUNCTION "freeze_live_bylines"();

-- Backfill: stories already live keep the byline of their author as it is now.
SELECT "freeze_revision_bylines"(a."id", a."liveRevisionId") FROM "Article" a WHERE a."liveRevisionId" IS NOT NULL;
