-- 임시조치 (정보통신망법 제44조의2): the desk blocks a story or a comment for up to 30 days.

-- CreateEnum
CREATE TYPE "TakedownReason" AS ENUM ('DEFAMATION', 'PRIVACY', 'OTHER_RIGHTS');

-- CreateEnum
CREATE TYPE "TakedownStatus" AS ENUM ('ACTIVE', 'EXPIRED', 'RESTORED', 'DELETED');

-- AlterEnum (new values are not used in this transaction, which PostgreSQL allows)
ALTER TYPE "NotificationKind" ADD VALUE 'TAKEN_DOWN';
ALTER TYPE "NotificationKind" ADD VALUE 'TAKEDOWN_LIFTED';
ALTER TYPE "NotificationKind" ADD VALUE 'TAKEDOWN_DELETED';

-- CreateTable
CREATE TABLE "Takedown" (
    "id" SERIAL NOT NULL,
    "articleId" INTEGER NOT NULL,
    "commentId" INTEGER,
    "reason" "TakedownReason" NOT NULL,
    "claimReference" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "startsAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "status" "TakedownStatus" NOT NULL DEFAULT 'ACTIVE',
    "endedAt" TIMESTAMP(3),
    "endedById" TEXT,
    "endNote" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Takedown_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Takedown_articleId_status_idx" ON "Takedown"("articleId", "status");

-- CreateIndex
CREATE INDEX "Takedown_commentId_status_idx" ON "Takedown"("commentId", "status");

-- CreateIndex
CREATE INDEX "Takedown_status_endsAt_idx" ON "Takedown"("status", "endsAt");

-- AddForeignKey
ALTER TABLE "Takedown" ADD CONSTRAINT "Takedown_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Takedown" ADD CONSTRAINT "Takedown_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Takedown" ADD CONSTRAINT "Takedown_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Takedown" ADD CONSTRAINT "Takedown_endedById_fkey" FOREIGN KEY ("endedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
