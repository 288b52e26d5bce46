-- A story's own alt text for its main photo (issue 20, "the photo library forgets"): caption and
-- credit were already the story's; the alt text was only the library's, so a story could not
-- describe a shared photo for itself, and a reporter could not fill it on a colleague's photo.
-- Empty means the library's alt text (Media.altText), so existing stories read as before.

-- AlterTable
ALTER TABLE "Article" ADD COLUMN "heroAlt" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "ArticleRevision" ADD COLUMN "heroAlt" TEXT NOT NULL DEFAULT '';
