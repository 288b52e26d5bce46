-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "renderVersion" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "ArticleRevision" ADD COLUMN     "renderVersion" INTEGER NOT NULL DEFAULT 1;
