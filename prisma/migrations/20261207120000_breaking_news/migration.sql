-- 속보 (breaking news): the banner's end time on the story, and the update log readers see at the
-- top of a breaking story (one entry per approval that went live, with the desk's one-line note).

-- AlterTable
ALTER TABLE "Article" ADD COLUMN "breakingUntil" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ArticleUpdateLogEntry" (
    "id" SERIAL NOT NULL,
    "articleId" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    "revisionId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticleUpdateLogEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Article_breakingUntil_idx" ON "Article"("breakingUntil");

-- CreateIndex
CREATE INDEX "ArticleUpdateLogEntry_articleId_createdAt_idx" ON "ArticleUpdateLogEntry"("articleId", "createdAt");

-- AddForeignKey
ALTER TABLE "ArticleUpdateLogEntry" ADD CONSTRAINT "ArticleUpdateLogEntry_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleUpdateLogEntry" ADD CONSTRAINT "ArticleUpdateLogEntry_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "ArticleRevision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleUpdateLogEntry" ADD CONSTRAINT "ArticleUpdateLogEntry_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
