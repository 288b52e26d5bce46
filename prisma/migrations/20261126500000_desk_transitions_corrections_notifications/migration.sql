-- CreateEnum
CREATE TYPE "TransitionKind" AS ENUM ('SUBMIT', 'RETURN', 'PUBLISH', 'SCHEDULE', 'RESCHEDULE', 'CANCEL_SCHEDULE', 'APPROVE_UPDATE', 'UNPUBLISH', 'REPUBLISH');

-- CreateEnum
CREATE TYPE "CorrectionType" AS ENUM ('UPDATE', 'CORRECTION', 'REPLY');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('RETURNED', 'APPROVED', 'PUBLISHED');

-- CreateTable
CREATE TABLE "ArticleTransition" (
    "id" TEXT NOT NULL,
    "articleId" INTEGER NOT NULL,
    "kind" "TransitionKind" NOT NULL,
    "fromStatus" "ArticleStatus" NOT NULL,
    "toStatus" "ArticleStatus" NOT NULL,
    "note" TEXT,
    "publishAt" TIMESTAMP(3),
    "correctionType" "CorrectionType",
    "revisionNumber" INTEGER,
    "actorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticleTransition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArticleCorrection" (
    "id" TEXT NOT NULL,
    "articleId" INTEGER NOT NULL,
    "type" "CorrectionType" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "revisionId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticleCorrection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffNotification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "articleId" INTEGER NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "note" TEXT,
    "notifyAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffNotification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ArticleTransition_articleId_createdAt_idx" ON "ArticleTransition"("articleId", "createdAt");

-- CreateIndex
CREATE INDEX "ArticleTransition_actorId_createdAt_idx" ON "ArticleTransition"("actorId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "ArticleCorrection_articleId_createdAt_idx" ON "ArticleCorrection"("articleId", "createdAt");

-- CreateIndex
CREATE INDEX "ArticleCorrection_type_createdAt_idx" ON "ArticleCorrection"("type", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "StaffNotification_userId_notifyAt_idx" ON "StaffNotification"("userId", "notifyAt" DESC);

-- CreateIndex
CREATE INDEX "StaffNotification_articleId_idx" ON "StaffNotification"("articleId");

-- AddForeignKey
ALTER TABLE "ArticleTransition" ADD CONSTRAINT "ArticleTransition_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleTransition" ADD CONSTRAINT "ArticleTransition_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleCorrection" ADD CONSTRAINT "ArticleCorrection_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleCorrection" ADD CONSTRAINT "ArticleCorrection_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "ArticleRevision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleCorrection" ADD CONSTRAINT "ArticleCorrection_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffNotification" ADD CONSTRAINT "StaffNotification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffNotification" ADD CONSTRAINT "StaffNotification_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
