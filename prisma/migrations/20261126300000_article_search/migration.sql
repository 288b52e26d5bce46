-- CreateTable
CREATE TABLE "ArticleSearchDocument" (
    "articleId" INTEGER NOT NULL,
    "revisionId" TEXT NOT NULL,
    "headline" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "tokens" TEXT[],
    "publishedAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ArticleSearchDocument_pkey" PRIMARY KEY ("articleId")
);

-- CreateIndex
CREATE INDEX "ArticleSearchDocument_tokens_idx" ON "ArticleSearchDocument" USING GIN ("tokens");

-- AddForeignKey
ALTER TABLE "ArticleSearchDocument" ADD CONSTRAINT "ArticleSearchDocument_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
