// (No "server-only" marker: scripts/start.ts runs this outside Next.js, where the marker throws.)
// Keeps ArticleSearchDocument in step with what readers may see: one entry per live story, made
// from its live revision. Called in the same transaction as the change (from its domain event,
// lib/search/search-index-consumer.ts), and at start-up to catch up on stories written by other
// means (the demo seed, a restored backup).
import { isLive, liveWhere } from "@/lib/articles/public/visibility";
import type { Db, DbTransaction } from "@/lib/db/client";
import { documentTokens, headlineTokens, normalizeForSearch } from "@/lib/search/korean-text";

type DbLike = Db | DbTransaction;

export interface SearchableRevision {
  headline: string;
  subHeadlines: string[];
  summary?: string;
  bodyText: string;
  heroCaption: string;
}

/** The index entry's text and tokens for one revision. */
export function buildSearchDocument(revision: SearchableRevision): { headline: string; content: string; tokens: string[] } {
  const headline = normalizeForSearch(revision.headline);
  const content = normalizeForSearch([revision.headline, ...revision.subHeadlines, revision.summary ?? "", revision.heroCaption, revision.bodyText].join("\n"));
  return { headline, content, tokens: [...documentTokens(content), ...headlineTokens(headline)] };
}

/** Makes the story's index entry match its live revision, or removes it when it is not live. */
export async function refreshSearchDocument(db: DbLike, articleId: number): Promise<void> {
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: {
      status: true,
      liveRevisionId: true,
      publishedAt: true,
      liveRevision: { select: { id: true, headline: true, subHeadlines: true, summary: true, bodyText: true, heroCaption: true } },
    },
  });
  if (!article || !isLive(article) || !article.liveRevision || !article.publishedAt) {
    await db.articleSearchDocument.deleteMany({ where: { articleId } });
    return;
  }
  const entry = { revisionId: article.liveRevision.id, publishedAt: article.publishedAt, ...buildSearchDocument(article.liveRevision) };
  await db.articleSearchDocument.upsert({ where: { articleId }, create: { articleId, ...entry }, update: entry });
}

/** Brings the whole index up to date; returns how many entries it wrote and removed. */
export async function syncSearchIndex(db: Db): Promise<{ written: number; removed: number }> {
  const { count: removed } = await db.articleSearchDocument.deleteMany({ where: { article: { NOT: liveWhere() } } });
  const live = await db.article.findMany({
    where: liveWhere(),
    select: { id: true, liveRevisionId: true, publishedAt: true, searchDocument: { select: { revisionId: true, publishedAt: true } } },
  });
  const stale = live.filter(
    (article) =>
      !article.searchDocument ||
      article.searchDocument.revisionId !== article.liveRevisionId ||
      article.searchDocument.publishedAt.getTime() !== article.publishedAt?.getTime(),
  );
  for (const article of stale) await refreshSearchDocument(db, article.id);
  return { written: stale.length, removed };
}
