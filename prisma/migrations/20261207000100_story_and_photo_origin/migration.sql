-- Where a story and a photo come from (출처 유형). Existing rows stay null ("not recorded"):
-- nobody chose an origin for them, and guessing "own reporting" would inflate the share the
-- portals' reviews count.

-- CreateEnum
CREATE TYPE "ArticleOrigin" AS ENUM ('OWN_REPORTING', 'WIRE', 'PRESS_RELEASE', 'CONTRIBUTION', 'EXTERNAL');

-- CreateEnum
CREATE TYPE "MediaOrigin" AS ENUM ('OWN', 'WIRE', 'HANDOUT', 'EXTERNAL');

-- AlterTable
ALTER TABLE "Article" ADD COLUMN "origin" "ArticleOrigin",
ADD COLUMN "originSource" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "ArticleRevision" ADD COLUMN "origin" "ArticleOrigin",
ADD COLUMN "originSource" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Media" ADD COLUMN "origin" "MediaOrigin",
ADD COLUMN "originSource" TEXT NOT NULL DEFAULT '';
