-- A comment's wider network (an IPv6 /48, an IPv4 address itself), salted and hashed like
-- "ipHash" (lib/comments/comment-source.ts): likes and reports count one per network, and posting
-- has a flood limit per network besides the one per source. Comments written before it have none.

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN "networkHash" TEXT;

-- CreateIndex
CREATE INDEX "Comment_networkHash_createdAt_idx" ON "Comment"("networkHash", "createdAt" DESC);
