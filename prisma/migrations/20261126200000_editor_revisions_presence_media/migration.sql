-- AlterEnum
ALTER TYPE "RevisionKind" ADD VALUE 'RESTORE';

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "summary" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "ArticleTag" ADD COLUMN     "sortOrder" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "ArticleRevision" ADD COLUMN     "summary" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "tagNames" TEXT[];

-- CreateTable
CREATE TABLE "ArticleEditTakeover" (
    "articleId" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "takenById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticleEditTakeover_pkey" PRIMARY KEY ("articleId","userId")
);

-- CreateIndex
CREATE INDEX "Media_createdAt_idx" ON "Media"("createdAt" DESC);

-- AddForeignKey
ALTER TABLE "ArticleEditTakeover" ADD CONSTRAINT "ArticleEditTakeover_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleEditTakeover" ADD CONSTRAINT "ArticleEditTakeover_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleEditTakeover" ADD CONSTRAINT "ArticleEditTakeover_takenById_fkey" FOREIGN KEY ("takenById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
