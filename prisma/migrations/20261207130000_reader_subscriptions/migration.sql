-- Readers' e-mail channels (lib/subscriptions): the morning digest and following a reporter,
-- each subscription confirmed by its reader before anything is sent (double opt-in).

-- CreateTable
CREATE TABLE "ReaderSubscription" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "reporterId" TEXT,
    "token" TEXT NOT NULL,
    "confirmedAt" TIMESTAMP(3),
    "confirmationSentAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReaderSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReaderSignupAttempt" (
    "id" BIGSERIAL NOT NULL,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReaderSignupAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReaderStoryMailing" (
    "articleId" INTEGER NOT NULL,
    "queuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReaderStoryMailing_pkey" PRIMARY KEY ("articleId")
);

-- CreateTable
CREATE TABLE "ReaderDigestIssue" (
    "day" TEXT NOT NULL,
    "articleIds" INTEGER[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReaderDigestIssue_pkey" PRIMARY KEY ("day")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReaderSubscription_token_key" ON "ReaderSubscription"("token");

-- CreateIndex
CREATE INDEX "ReaderSubscription_topic_confirmedAt_idx" ON "ReaderSubscription"("topic", "confirmedAt");

-- CreateIndex
CREATE INDEX "ReaderSubscription_reporterId_idx" ON "ReaderSubscription"("reporterId");

-- CreateIndex
CREATE UNIQUE INDEX "ReaderSubscription_email_topic_key" ON "ReaderSubscription"("email", "topic");

-- CreateIndex
CREATE INDEX "ReaderSignupAttempt_source_createdAt_idx" ON "ReaderSignupAttempt"("source", "createdAt");

-- AddForeignKey
ALTER TABLE "ReaderSubscription" ADD CONSTRAINT "ReaderSubscription_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
