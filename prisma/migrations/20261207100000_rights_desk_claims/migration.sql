-- The rights desk (권리구제): readers' correction, reply and follow-up claims (언론중재법) and
-- takedown requests, with an evidence snapshot of what readers saw, the claimant's attachments
-- and every step of the desk, each with who and when.

-- CreateEnum
CREATE TYPE "ClaimKind" AS ENUM ('CORRECTION', 'REPLY', 'FOLLOW_UP', 'TAKEDOWN');

-- CreateEnum
CREATE TYPE "ClaimStatus" AS ENUM ('RECEIVED', 'INFO_REQUESTED', 'ACCEPTED', 'PUBLISHED', 'REJECTED', 'MEDIATION', 'MEDIATED', 'WITHDRAWN');

-- CreateTable
CREATE TABLE "RightsClaim" (
    "id" SERIAL NOT NULL,
    "kind" "ClaimKind" NOT NULL,
    "status" "ClaimStatus" NOT NULL DEFAULT 'RECEIVED',
    "articleId" INTEGER,
    "commentId" INTEGER,
    "storyReference" TEXT,
    "statusTokenHash" TEXT NOT NULL,
    "claimantName" TEXT,
    "claimantEmail" TEXT,
    "claimantPhone" TEXT,
    "claimantAddress" TEXT,
    "relation" TEXT,
    "relationDetail" TEXT,
    "disputedPassage" TEXT,
    "requestedText" TEXT,
    "reason" TEXT,
    "sourceHash" TEXT,
    "consentedAt" TIMESTAMP(3) NOT NULL,
    "retentionDays" INTEGER NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "replyDueAt" TIMESTAMP(3) NOT NULL,
    "publishDueAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "deskMessage" TEXT,
    "rejectionGrounds" TEXT[],
    "mediationCaseNumber" TEXT,
    "mediationOutcome" TEXT,
    "publishedAt" TIMESTAMP(3),
    "correctionId" TEXT,
    "publicationNote" TEXT,
    "closedAt" TIMESTAMP(3),
    "labelShown" BOOLEAN NOT NULL DEFAULT false,
    "closedComments" BOOLEAN NOT NULL DEFAULT false,
    "purgedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RightsClaim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RightsClaimEvidence" (
    "claimId" INTEGER NOT NULL,
    "articleId" INTEGER NOT NULL,
    "revisionId" TEXT,
    "headline" TEXT NOT NULL,
    "subHeadlines" TEXT[],
    "bodyText" TEXT NOT NULL,
    "bodyHtml" TEXT NOT NULL,
    "bylines" JSONB NOT NULL,
    "approvedAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "lastCorrectedAt" TIMESTAMP(3),
    "commentId" INTEGER,
    "commentBody" TEXT,
    "commentAuthor" TEXT,
    "commentPostedAt" TIMESTAMP(3),
    "capturedAt" TIMESTAMP(3) NOT NULL,
    "sha256" TEXT NOT NULL,

    CONSTRAINT "RightsClaimEvidence_pkey" PRIMARY KEY ("claimId")
);

-- CreateTable
CREATE TABLE "RightsClaimAttachment" (
    "id" TEXT NOT NULL,
    "claimId" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RightsClaimAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RightsClaimAction" (
    "id" TEXT NOT NULL,
    "claimId" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "fromStatus" "ClaimStatus",
    "toStatus" "ClaimStatus" NOT NULL,
    "actorId" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RightsClaimAction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RightsClaim_statusTokenHash_key" ON "RightsClaim"("statusTokenHash");

-- CreateIndex
CREATE INDEX "RightsClaim_status_receivedAt_idx" ON "RightsClaim"("status", "receivedAt");

-- CreateIndex
CREATE INDEX "RightsClaim_articleId_status_idx" ON "RightsClaim"("articleId", "status");

-- CreateIndex
CREATE INDEX "RightsClaim_sourceHash_receivedAt_idx" ON "RightsClaim"("sourceHash", "receivedAt" DESC);

-- CreateIndex
CREATE INDEX "RightsClaim_closedAt_idx" ON "RightsClaim"("closedAt");

-- CreateIndex
CREATE INDEX "RightsClaimAttachment_claimId_idx" ON "RightsClaimAttachment"("claimId");

-- CreateIndex
CREATE INDEX "RightsClaimAction_claimId_createdAt_idx" ON "RightsClaimAction"("claimId", "createdAt");

-- AddForeignKey
ALTER TABLE "RightsClaim" ADD CONSTRAINT "RightsClaim_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RightsClaim" ADD CONSTRAINT "RightsClaim_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RightsClaim" ADD CONSTRAINT "RightsClaim_correctionId_fkey" FOREIGN KEY ("correctionId") REFERENCES "ArticleCorrection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RightsClaimEvidence" ADD CONSTRAINT "RightsClaimEvidence_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "RightsClaim"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RightsClaimAttachment" ADD CONSTRAINT "RightsClaimAttachment_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "RightsClaim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RightsClaimAction" ADD CONSTRAINT "RightsClaimAction_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "RightsClaim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RightsClaimAction" ADD CONSTRAINT "RightsClaimAction_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- An evidence snapshot is what readers saw when the claim arrived: whatever code path or script
-- touches the table, it is never changed or removed (its claim cannot be deleted either: RESTRICT).
CREATE FUNCTION "refuse_evidence_change"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'a claim''s evidence snapshot is never changed or removed' USING ERRCODE = 'restrict_violation';
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "RightsClaimEvidence_unchanged" BEFORE UPDATE OR DELETE ON "RightsClaimEvidence"
  FOR EACH ROW EXECUTE FUNCTION "refuse_evidence_change"();
