import "server-only";
// The desk workflow:
//   DRAFT --submit--> SUBMITTED --approve(now)--> PUBLISHED --unpublish--> UNPUBLISHED
//     ^                  |       --approve(later)-> SCHEDULED (visible by itself when due)
//     |---return(note)---|
// Approval is of the working copy at the version the editor reviewed; it becomes the live
// revision readers see. Approving a pending update of a live story is a correction: the
// 기사승인 time stays, the 수정 time is set.
import {
  approveArticleSchema,
  returnArticleSchema,
  unpublishArticleSchema,
} from "@/lib/articles/article-input-schema";
import { snapshotRevision } from "@/lib/articles/revisions";
import { ARTICLE_STATUS_KO } from "@/lib/articles/status-labels";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan, type Action } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import type { DbTransaction } from "@/lib/db/client";
import { conflict, DomainError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import { parseInput } from "@/lib/validation";


async function loadForTransition(actor: StaffUser, id: number, action: Action, allowed: ArticleStatus[]) {
  const article = await db.article.findUnique({
    where: { id },
    select: { id: true, authorId: true, status: true, version: true, approvedAt: true, hasPendingUpdate: true },
  });
  if (!article) throw notFound("기사를 찾을 수 없습니다.");
  assertCan(actor, action, { ownerId: article.authorId });
  if (!allowed.includes(article.status)) {
    throw conflict(`지금 상태(${ARTICLE_STATUS_KO[article.status]})에서는 할 수 없는 작업입니다.`, { status: article.status });
  }
  return article;
}

/** Moves a status from one value to another only if nobody moved it meanwhile. */
async function moveStatus(tx: DbTransaction, id: number, from: ArticleStatus, data: Prisma.ArticleUncheckedUpdateManyInput) {
  const { count } = await tx.article.updateMany({ where: { id, status: from }, data });
  if (count === 0) throw conflict("다른 사람이 방금 이 기사의 상태를 바꿨습니다. 새로고침한 뒤 다시 하세요.");
}

export async function submitArticle(actor: StaffUser, id: number) {
  const article = await loadForTransition(actor, id, "article.submit", ["DRAFT"]);
  return db.$transaction(async (tx) => {
    await moveStatus(tx, id, article.status, { status: "SUBMITTED", submittedAt: new Date(), deskNote: null });
    await snapshotRevision(tx, id, "SUBMIT", actor.id);
    await recordAudit({ actorId: actor.id, action: "article.submit", targetType: "Article", targetId: id }, tx);
  });
}

export async function returnArticle(actor: StaffUser, id: number, input: unknown) {
  const { note } = parseInput(returnArticleSchema, input);
  const article = await loadForTransition(actor, id, "article.return", ["SUBMITTED"]);
  return db.$transaction(async (tx) => {
    await moveStatus(tx, id, article.status, { status: "DRAFT", deskNote: note });
    await snapshotRevision(tx, id, "RETURN", actor.id, note);
    await recordAudit({ actorId: actor.id, action: "article.return", targetType: "Article", targetId: id, detail: { note } }, tx);
  });
}

export async function approveArticle(actor: StaffUser, id: number, input: unknown, now = new Date()) {
  const { version, publishAt } = parseInput(approveArticleSchema, input);
  const article = await loadForTransition(actor, id, "article.approve", ["SUBMITTED", "PUBLISHED", "SCHEDULED"]);
  if (article.version !== version) {
    throw conflict("검토한 뒤에 기사가 바뀌었습니다. 최신 내용을 다시 확인하고 승인하세요.", { currentVersion: article.version });
  }
  const isCorrection = article.status !== "SUBMITTED";
  if (isCorrection && !article.hasPendingUpdate && !publishAt) {
    throw conflict("승인할 수정 사항이 없습니다.");
  }
  const scheduled = publishAt !== null && publishAt.getTime() > now.getTime();
  if (publishAt && !scheduled && publishAt.getTime() < now.getTime() - 60_000) {
    throw new DomainError("VALIDATION", "예약 시각이 이미 지났습니다. 지금 발행하거나 앞으로의 시각을 고르세요.");
  }
  return db.$transaction(async (tx) => {
    const revisionId = await snapshotRevision(tx, id, isCorrection ? "CORRECTION" : "APPROVE", actor.id);
    await moveStatus(tx, id, article.status, {
      status: scheduled ? "SCHEDULED" : "PUBLISHED",
      liveRevisionId: revisionId,
      hasPendingUpdate: false,
      ...(isCorrection
        ? { lastCorrectedAt: now, ...(publishAt ? { publishedAt: publishAt } : {}) }
        : { approvedAt: now, approvedById: actor.id, publishedAt: scheduled ? publishAt : now }),
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: isCorrection ? "article.correct" : scheduled ? "article.schedule" : "article.publish",
        targetType: "Article",
        targetId: id,
        detail: { revisionId, publishAt: scheduled ? publishAt.toISOString() : null },
      },
      tx,
    );
  });
}

export async function unpublishArticle(actor: StaffUser, id: number, input: unknown) {
  const { reason } = parseInput(unpublishArticleSchema, input);
  const article = await loadForTransition(actor, id, "article.unpublish", ["PUBLISHED", "SCHEDULED"]);
  return db.$transaction(async (tx) => {
    await moveStatus(tx, id, article.status, { status: "UNPUBLISHED", unpublishedAt: new Date() });
    await recordAudit({ actorId: actor.id, action: "article.unpublish", targetType: "Article", targetId: id, detail: { reason } }, tx);
  });
}
