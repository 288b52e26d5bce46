-- Elections the admin enters (공직선거법 제108조: no poll stories from six days before election
-- day until voting ends) and the particulars of a poll story (선거여론조사기준 제18조).

-- AlterTable
ALTER TABLE "Article" ADD COLUMN "pollSurvey" JSONB;

-- AlterTable
ALTER TABLE "ArticleRevision" ADD COLUMN "pollSurvey" JSONB;

-- CreateTable
CREATE TABLE "Election" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "votingEndsAt" TIMESTAMP(3) NOT NULL,
    "pollBlackoutStartsAt" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Election_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Election_votingEndsAt_idx" ON "Election"("votingEndsAt");

-- AddForeignKey
ALTER TABLE "Election" ADD CONSTRAINT "Election_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
