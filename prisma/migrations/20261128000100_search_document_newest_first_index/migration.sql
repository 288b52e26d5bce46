-- Search, common words (lib/search/search-sql.ts): they are found by walking this index newest
-- first; and "every term in the headline" becomes an index lookup, the headline's tokens being
-- added to the same GIN index with an "h:" prefix (lib/search/korean-text.ts headlineTokens).

-- CreateIndex
CREATE INDEX "ArticleSearchDocument_publishedAt_articleId_idx" ON "ArticleSearchDocument"("publishedAt" DESC, "articleId" DESC);

-- Existing entries get their headline tokens: every character and every pair of neighbouring
-- characters of each word of the normalized headline, as headlineTokens() makes them
-- (tests/integration/search-headline-tokens.test.ts checks that the two agree).
UPDATE "ArticleSearchDocument" AS d
SET "tokens" = d."tokens" || ARRAY(
  SELECT DISTINCT 'h:' || substr(w.word, i, n)
  FROM unnest(string_to_array(d."headline", ' ')) AS w(word)
  CROSS JOIN generate_series(1, char_length(w.word)) AS i
  CROSS JOIN (VALUES (1), (2)) AS l(n)
  WHERE i + n - 1 <= char_length(w.word)
)
WHERE NOT EXISTS (SELECT 1 FROM unnest(d."tokens") AS t(token) WHERE t.token LIKE 'h:%');
