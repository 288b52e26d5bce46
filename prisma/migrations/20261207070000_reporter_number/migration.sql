-- Reporter pages get readable addresses (/reporters/<number>-<name>): a short number of each
-- staff member's own, kept for good (a name can change; the number, and so old links, cannot).
-- Existing accounts are numbered in the order PostgreSQL reads them; new ones from the sequence.

-- AlterTable
ALTER TABLE "User" ADD COLUMN "reporterNumber" SERIAL NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "User_reporterNumber_key" ON "User"("reporterNumber");
