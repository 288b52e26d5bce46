-- Readers' reactions under a story (좋아요, 훈훈해요, 슬퍼요, 화나요, 후속기사 원해요): one per
-- source per story, changeable. Counts are read from the rows: no counter row for a storm to queue on.

-- CreateEnum
CREATE TYPE "ReactionKind" AS ENUM ('LIKE', 'WARM', 'SAD', 'ANGRY', 'FOLLOW_UP');

-- CreateTable
CREATE TABLE "ArticleReaction" (
    "articleId" INTEGER NOT NULL,
    "voterHash" TEXT NOT NULL,
    "kind" "ReactionKind" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticleReaction_pkey" PRIMARY KEY ("articleId","voterHash")
);

-- CreateIndex
CREATE INDEX "ArticleReaction_articleId_kind_idx" ON "ArticleReaction"("articleId", "kind");

-- CreateIndex
CREATE INDEX "ArticleReaction_kind_updatedAt_idx" ON "ArticleReaction"("kind", "updatedAt" DESC);

-- AddForeignKey
ALTER TABLE "ArticleReaction" ADD CONSTRAINT "ArticleReaction_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
