import "server-only";
// The desk workflow:
//   DRAFT --submit--> SUBMITTED --approve(now)--> PUBLISHED --unpublish--> UNPUBLISHED
//     ^                  |       --approve(later)-> SCHEDULED (visible by itself when due)
//     |---return(note)---|
// Every transition is one conditional update on (id, status, version) that also bumps the
// version, so it fails cleanly (409) if anyone saved or moved the story since it was read, and
// a save started before a transition can no longer land after it. Approval is of the working
// copy at the version the editor reviewed; it becomes the live revision readers see. Approving
// a pending update of a story readers can already see is a correction: the 기사승인 time stays,
// the 수정 time is set.
import { approveArticleSchema, returnArticleSchema, unpublishArticleSchema } from "@/lib/articles/article-input-schema";
import { snapshotRevision } from "@/lib/articles/revisions";
import { ARTICLE_STATUS_KO } from "@/lib/articles/status-labels";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan, type Action } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import { emitDomainEvent } from "@/lib/events/domain-events";
import type { DbTransaction } from "@/lib/db/client";
import { conflict, invalid, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import { parseInput } from "@/lib/validation";

type LoadedArticle = Awaited<ReturnType<typeof loadForTransition>>;

async function loadForTransition(actor: StaffUser, id: number, action: Action, allowed: ArticleStatus[]) {
  const article = await db.article.findUnique({
    where: { id },
    select: { id: true, authorId: true, sectionId: true, status: true, version: true, publishedAt: true, hasPendingUpdate: true },
  });
  if (!article) throw notFound("기사를 찾을 수 없습니다.");
  assertCan(actor, action, { ownerId: article.authorId });
  if (!allowed.includes(article.status)) {
    throw conflict(`지금 상태(${ARTICLE_STATUS_KO[article.status]})에서는 할 수 없는 작업입니다.`, { status: article.status });
  }
  return article;
}

/** Applies a transition only if the story is still at the status and version that was read. */
async function transition(tx: DbTransaction, article: Pick<LoadedArticle, "id" | "status">, version: number, data: Prisma.ArticleUncheckedUpdateManyInput) {
  const { count } = await tx.article.updateMany({
    where: { id: article.id, status: article.status, version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw conflict("그사이 다른 사람이 이 기사를 저장했거나 상태를 바꿨습니다. 새로고침해 최신 내용을 확인한 뒤 다시 하세요.");
}

export async function submitArticle(actor: StaffUser, id: number) {
  const article = await loadForTransition(actor, id, "article.submit", ["DRAFT"]);
  return db.$transaction(async (tx) => {
    await transition(tx, article, article.version, { status: "SUBMITTED", submittedAt: new Date(), deskNote: null });
    await snapshotRevision(tx, id, "SUBMIT", actor.id);
    await emitDomainEvent(tx, { type: "article.submitted", articleId: id });
    await recordAudit({ actorId: actor.id, action: "article.submit", targetType: "Article", targetId: id }, tx);
  });
}

export async function returnArticle(actor: StaffUser, id: number, input: unknown) {
  const { note } = parseInput(returnArticleSchema, input);
  const article = await loadForTransition(actor, id, "article.return", ["SUBMITTED"]);
  return db.$transaction(async (tx) => {
    await transition(tx, article, article.version, { status: "DRAFT", deskNote: note });
    await snapshotRevision(tx, id, "RETURN", actor.id, note);
    await emitDomainEvent(tx, { type: "article.returned", articleId: id });
    await recordAudit({ actorId: actor.id, action: "article.return", targetType: "Article", targetId: id, detail: { note } }, tx);
  });
}

/**
 * Approves the working copy at `version` (the one the editor reviewed):
 * - a submitted story is published now, or scheduled for `publishAt`;
 * - a scheduled story readers cannot see yet gets its update approved (and may be rescheduled);
 * - a story readers can see gets its pending update approved as a correction (no rescheduling).
 */
export async function approveArticle(actor: StaffUser, id: number, input: unknown, now = new Date()) {
  const { version, publishAt } = parseInput(approveArticleSchema, input);
  const article = await loadForTransition(actor, id, "article.approve", ["SUBMITTED", "PUBLISHED", "SCHEDULED"]);
  if (article.version !== version) {
    throw conflict("검토한 뒤에 기사가 바뀌었습니다. 최신 내용을 다시 확인하고 승인하세요.", { currentVersion: article.version });
  }
  if (publishAt && publishAt.getTime() <= now.getTime()) {
    throw invalid("예약 시각이 이미 지났습니다. 비워 두고 지금 발행하거나 앞으로의 시각을 고르세요.");
  }
  const visible = article.status !== "SUBMITTED" && article.publishedAt !== null && article.publishedAt <= now;
  const firstApproval = article.status === "SUBMITTED";
  if (visible && publishAt) throw invalid("이미 공개된 기사는 예약할 수 없습니다. 내리려면 게재 중단을 쓰세요.");
  if (!firstApproval && !article.hasPendingUpdate && !publishAt) throw conflict("승인할 수정 사항이 없습니다.");

  let data: Prisma.ArticleUncheckedUpdateManyInput;
  let auditAction: string;
  if (firstApproval) {
    data = { status: publishAt ? "SCHEDULED" : "PUBLISHED", approvedAt: now, approvedById: actor.id, publishedAt: publishAt ?? now };
    auditAction = publishAt ? "article.schedule" : "article.publish";
  } else if (visible) {
    data = { status: "PUBLISHED", lastCorrectedAt: now };
    auditAction = "article.correct";
  } else {
    // Scheduled and not yet public: approve the update, keep or move the time.
    data = { approvedAt: now, approvedById: actor.id, ...(publishAt ? { publishedAt: publishAt } : {}) };
    auditAction = publishAt ? "article.reschedule" : "article.approve-update";
  }

  return db.$transaction(async (tx) => {
    // The conditional update comes first: it locks the row, so the snapshot below is exactly the
    // reviewed version and no save can slip in between.
    await transition(tx, article, version, { ...data, hasPendingUpdate: false });
    const revisionId = await snapshotRevision(tx, id, visible ? "CORRECTION" : "APPROVE", actor.id);
    const live = await tx.article.update({ where: { id }, data: { liveRevisionId: revisionId }, select: { sectionId: true, authorId: true, publishedAt: true } });
    const refs = { articleId: id, sectionId: live.sectionId, authorId: live.authorId };
    if (visible) await emitDomainEvent(tx, { type: "article.corrected", ...refs });
    else if (live.publishedAt && live.publishedAt > now) await emitDomainEvent(tx, { type: "article.scheduled", ...refs, publishAt: live.publishedAt.toISOString() });
    else await emitDomainEvent(tx, { type: "article.published", ...refs, publishedAt: (live.publishedAt ?? now).toISOString() });
    await recordAudit(
      { actorId: actor.id, action: auditAction, targetType: "Article", targetId: id, detail: { revisionId, publishAt: publishAt?.toISOString() ?? null } },
      tx,
    );
  });
}

export async function unpublishArticle(actor: StaffUser, id: number, input: unknown) {
  const { reason } = parseInput(unpublishArticleSchema, input);
  const article = await loadForTransition(actor, id, "article.unpublish", ["PUBLISHED", "SCHEDULED"]);
  return db.$transaction(async (tx) => {
    await transition(tx, article, article.version, { status: "UNPUBLISHED", unpublishedAt: new Date() });
    await emitDomainEvent(tx, { type: "article.unpublished", articleId: id, sectionId: article.sectionId, authorId: article.authorId });
    await recordAudit({ actorId: actor.id, action: "article.unpublish", targetType: "Article", targetId: id, detail: { reason } }, tx);
  });
}
