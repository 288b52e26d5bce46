-- Portal transmission (포털 송고): destinations, their category maps, one record per story
-- revision (or deletion) sent to each, the desk's holds, and a shared per-minute request counter.
-- docs/portal-transmission.md.

-- CreateEnum
CREATE TYPE "PortalDestinationKind" AS ENUM ('PUSH', 'PULL', 'INDEXNOW');

-- CreateEnum
CREATE TYPE "PortalFeedFormat" AS ENUM ('RSS', 'ATOM');

-- CreateEnum
CREATE TYPE "PortalAction" AS ENUM ('NEW', 'UPDATE', 'DELETE');

-- CreateEnum
CREATE TYPE "PortalTransmissionStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'DEAD', 'HELD', 'CANCELLED', 'REFUSED');

-- CreateTable
CREATE TABLE "PortalDestination" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "PortalDestinationKind" NOT NULL,
    "endpoint" TEXT NOT NULL DEFAULT '',
    "secret" TEXT NOT NULL,
    "feedFormat" "PortalFeedFormat" NOT NULL DEFAULT 'RSS',
    "allowWirePhotos" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "ratePerMinute" INTEGER NOT NULL DEFAULT 60,
    "lastFetchedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PortalDestination_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PortalCategory" (
    "destinationId" INTEGER NOT NULL,
    "sectionId" INTEGER NOT NULL,
    "category" TEXT NOT NULL,

    CONSTRAINT "PortalCategory_pkey" PRIMARY KEY ("destinationId","sectionId")
);

-- CreateTable
CREATE TABLE "PortalTransmission" (
    "id" BIGSERIAL NOT NULL,
    "destinationId" INTEGER NOT NULL,
    "articleId" INTEGER NOT NULL,
    "revisionId" TEXT,
    "revisionNumber" INTEGER,
    "action" "PortalAction" NOT NULL,
    "status" "PortalTransmissionStatus" NOT NULL DEFAULT 'PENDING',
    "reason" TEXT,
    "category" TEXT,
    "correctionType" "CorrectionType",
    "correctionNote" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "claimedUntil" TIMESTAMP(3),
    "responseStatus" INTEGER,
    "lastError" TEXT,
    "requestedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PortalTransmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PortalHold" (
    "destinationId" INTEGER NOT NULL,
    "articleId" INTEGER NOT NULL,
    "heldById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PortalHold_pkey" PRIMARY KEY ("destinationId","articleId")
);

-- CreateTable
CREATE TABLE "PortalRateWindow" (
    "destinationId" INTEGER NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PortalRateWindow_pkey" PRIMARY KEY ("destinationId")
);

-- CreateIndex
CREATE UNIQUE INDEX "PortalDestination_name_key" ON "PortalDestination"("name");

-- CreateIndex
CREATE INDEX "PortalCategory_sectionId_idx" ON "PortalCategory"("sectionId");

-- CreateIndex
CREATE INDEX "PortalTransmission_articleId_destinationId_id_idx" ON "PortalTransmission"("articleId", "destinationId", "id");

-- CreateIndex
CREATE INDEX "PortalTransmission_destinationId_createdAt_idx" ON "PortalTransmission"("destinationId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "PortalTransmission_status_nextAttemptAt_idx" ON "PortalTransmission"("status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "PortalTransmission_destinationId_revisionId_action_key" ON "PortalTransmission"("destinationId", "revisionId", "action");

-- CreateIndex
CREATE INDEX "PortalHold_articleId_idx" ON "PortalHold"("articleId");

-- AddForeignKey
ALTER TABLE "PortalCategory" ADD CONSTRAINT "PortalCategory_destinationId_fkey" FOREIGN KEY ("destinationId") REFERENCES "PortalDestination"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortalCategory" ADD CONSTRAINT "PortalCategory_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortalTransmission" ADD CONSTRAINT "PortalTransmission_destinationId_fkey" FOREIGN KEY ("destinationId") REFERENCES "PortalDestination"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortalTransmission" ADD CONSTRAINT "PortalTransmission_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortalTransmission" ADD CONSTRAINT "PortalTransmission_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "ArticleRevision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortalTransmission" ADD CONSTRAINT "PortalTransmission_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortalHold" ADD CONSTRAINT "PortalHold_destinationId_fkey" FOREIGN KEY ("destinationId") REFERENCES "PortalDestination"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortalHold" ADD CONSTRAINT "PortalHold_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortalHold" ADD CONSTRAINT "PortalHold_heldById_fkey" FOREIGN KEY ("heldById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortalRateWindow" ADD CONSTRAINT "PortalRateWindow_destinationId_fkey" FOREIGN KEY ("destinationId") REFERENCES "PortalDestination"("id") ON DELETE CASCADE ON UPDATE CASCADE;
