import "server-only";
// Reading stories inside the newsroom: reporters see their own, the desk sees all.
import { articleOutSelect, toArticleOut, type ArticleOut } from "@/lib/articles/article-output";
import { assertCan, canForAnyRecord } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";

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

/** The working copy as the editor and the API see it (ArticleOut). */
export async function getArticleOut(actor: StaffUser, id: number): Promise<ArticleOut> {
  const article = await db.article.findUnique({ where: { id }, select: { ...articleOutSelect, authorId: true } });
  if (!article) throw notFound("기사를 찾을 수 없습니다.");
  assertCan(actor, "article.read", { ownerId: article.authorId });
  return toArticleOut(article);
}

/** Stories the actor may read, newest change first; `status` narrows it (the desk queue is SUBMITTED). */
export async function listNewsroomArticles(actor: StaffUser, options: { status?: ArticleStatus; take?: number } = {}) {
  // Everyone may list their own stories; the desk's grant covers everybody's.
  assertCan(actor, "article.read", { ownerId: actor.id });
  const mayReadAll = canForAnyRecord(actor, "article.read");
  return db.article.findMany({
    where: { ...(mayReadAll ? {} : { authorId: actor.id }), ...(options.status ? { status: options.status } : {}) },
    orderBy: { updatedAt: "desc" },
    take: options.take ?? 100,
    select: {
      id: true,
      headline: true,
      status: true,
      updatedAt: true,
      submittedAt: true,
      publishedAt: true,
      hasPendingUpdate: true,
      version: true,
      author: { select: { name: true, title: true } },
      section: { select: { name: true } },
    },
  });
}
