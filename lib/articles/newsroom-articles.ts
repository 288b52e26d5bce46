import "server-only";
// Reading stories inside the newsroom: reporters see their own, the desk sees all.
import { articleOutSelect, articleSummaryOutSelect, toArticleOut, toArticleSummaryOut, type ArticleOut, type ArticleSummaryOut } from "@/lib/articles/article-output";
import { articleListQuerySchema } from "@/lib/articles/workflow/desk-input-schema";
import { availableTransitions, type TransitionVerdict } from "@/lib/articles/workflow/transition-rules";
import { assertCan, canForAnyRecord } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import { pollStoryBlackoutsOf } from "@/lib/elections/poll-blackouts";
import { forbidden, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";

/** The article, or NOT_FOUND; FORBIDDEN when it is someone else's and the actor may not read it. */
export async function getArticleForNewsroom(actor: StaffUser, id: number) {
  const article = await db.article.findUnique({
    where: { id },
    include: {
      author: { select: { id: true, name: true, title: true } },
      section: { select: { id: true, name: true } },
      approvedBy: { select: { name: true } },
    },
  });
  if (!article) throw notFound("기사를 찾을 수 없습니다.");
  assertCan(actor, "article.read", { ownerId: article.authorId });
  return article;
}

async function loadArticleOutRow(actor: StaffUser, id: number) {
  const article = await db.article.findUnique({ where: { id }, select: { ...articleOutSelect, authorId: true } });
  if (!article) throw notFound("기사를 찾을 수 없습니다.");
  assertCan(actor, "article.read", { ownerId: article.authorId });
  return article;
}

/** The working copy as the editor and the API see it (ArticleOut). */
export async function getArticleOut(actor: StaffUser, id: number, now = new Date()): Promise<ArticleOut> {
  return toArticleOut(await loadArticleOutRow(actor, id), now);
}

/** The story and the transitions the actor may make on it now, each with its reason when refused. */
export async function getArticleWithTransitions(actor: StaffUser, id: number, now = new Date()): Promise<{ article: ArticleOut; availableTransitions: TransitionVerdict[] }> {
  const row = await loadArticleOutRow(actor, id);
  // A poll story's buttons say before the click that an election's blackout refuses them.
  const subject = { ...row, pollStoryBlackouts: await pollStoryBlackoutsOf(db, id, now) };
  return { article: toArticleOut(row, now), availableTransitions: availableTransitions(actor, subject, now) };
}

export interface ArticleListPage {
  articles: ArticleSummaryOut[];
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

const DEFAULT_PAGE_SIZE = 50;

/**
 * Stories the actor may read (a reporter their own, the desk everyone's), newest first, filtered
 * by status, section, reporter and headline. Paged by cursor: the id the next page starts below,
 * so a page never shifts while stories are written (new ones are always above it).
 */
export async function listNewsroomArticles(actor: StaffUser, input: unknown, now = new Date()): Promise<ArticleListPage> {
  // Everyone may list their own stories; the desk's grant covers everybody's.
  assertCan(actor, "article.read", { ownerId: actor.id });
  const query = parseInput(articleListQuerySchema, input);
  const mayReadAll = canForAnyRecord(actor, "article.read");
  if (!mayReadAll && query.authorId && query.authorId !== actor.id) throw forbidden("다른 기자의 기사 목록은 데스크만 볼 수 있습니다.");
  const take = query.limit ?? DEFAULT_PAGE_SIZE;
  const rows = await db.article.findMany({
    where: {
      ...(mayReadAll ? (query.authorId ? { authorId: query.authorId } : {}) : { authorId: actor.id }),
      ...(query.status ? { status: query.status } : {}),
      ...(query.sectionId ? { sectionId: query.sectionId } : {}),
      ...(query.q ? { headline: { contains: query.q, mode: "insensitive" as const } } : {}),
      ...(query.cursor ? { id: { lt: query.cursor } } : {}),
    },
    orderBy: { id: "desc" },
    take: take + 1,
    select: articleSummaryOutSelect,
  });
  const page = rows.slice(0, take);
  return { articles: page.map((row) => toArticleSummaryOut(row, now)), nextCursor: rows.length > take ? String(page.at(-1)?.id) : null };
}
