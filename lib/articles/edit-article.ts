import "server-only";
// Writing stories: a new draft, and saves of the working copy with optimistic concurrency, so
// that two tabs or two people never overwrite each other silently.
import { articleContentSchema, saveArticleSchema } from "@/lib/articles/article-input-schema";
import { bodyColumnsForSave } from "@/lib/articles/body-media";
import { snapshotRevision } from "@/lib/articles/revisions";
import { slugFor } from "@/lib/articles/slug";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan, canForAnyRecord } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import type { DbTransaction } from "@/lib/db/client";
import { emitDomainEvent } from "@/lib/events/domain-events";
import { conflict, DomainError, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";

async function contentColumns(tx: DbTransaction, content: ReturnType<typeof articleContentSchema.parse>) {
  return {
    headline: content.headline,
    subHeadlines: content.subHeadlines,
    sectionId: content.sectionId,
    heroImageId: content.heroImageId,
    heroCaption: content.heroCaption,
    heroCredit: content.heroCredit,
    // Checks that every body image is one of our media rows, and renders with their sizes.
    ...(await bodyColumnsForSave(tx, content.body)),
  };
}

export async function createArticleDraft(actor: StaffUser, input: unknown) {
  assertCan(actor, "article.create");
  const content = parseInput(articleContentSchema, input);
  return db.$transaction(async (tx) => {
    const article = await tx.article.create({
      data: { ...(await contentColumns(tx, content)), slug: slugFor(content.headline), authorId: actor.id, status: "DRAFT" },
      select: { id: true, version: true, status: true },
    });
    await snapshotRevision(tx, article.id, "SAVE", actor.id);
    await emitDomainEvent(tx, { type: "article.created", articleId: article.id, authorId: actor.id });
    await recordAudit({ actorId: actor.id, action: "article.create", targetType: "Article", targetId: article.id }, tx);
    return article;
  });
}

const submittedStoryLocked = () =>
  new DomainError("FORBIDDEN", "데스크에 넘긴 기사는 고칠 수 없습니다. 데스크가 돌려보내면 다시 고칠 수 있습니다.");

/**
 * Saves the working copy. Refused with CONFLICT when someone saved since `version` (the client
 * keeps its text and can show both). A reporter may change only their own story while it is a
 * draft; the desk may change any story at any stage. Saving a live story leaves readers on the
 * approved revision and marks the change as a pending update for the desk.
 */
export async function saveArticle(actor: StaffUser, id: number, input: unknown) {
  const { version, ...rest } = parseInput(saveArticleSchema, input);
  const current = await db.article.findUnique({ where: { id }, select: { authorId: true, status: true, version: true } });
  if (!current) throw notFound("기사를 찾을 수 없습니다.");
  assertCan(actor, "article.edit", { ownerId: current.authorId });
  const isDesk = canForAnyRecord(actor, "article.edit");
  if (current.status !== "DRAFT" && !isDesk) throw submittedStoryLocked();
  const isLive = current.status === "PUBLISHED" || current.status === "SCHEDULED";
  return db.$transaction(async (tx) => {
    // The status the actor may edit in is part of the condition, like the version: a submit that
    // lands between the read above and this update makes the save miss, not overwrite the text
    // the desk is now reviewing.
    const { count } = await tx.article.updateMany({
      where: { id, version, status: isDesk ? current.status : "DRAFT" },
      data: { ...(await contentColumns(tx, rest)), version: { increment: 1 }, ...(isLive ? { hasPendingUpdate: true } : {}) },
    });
    if (count === 0) {
      const now = await tx.article.findUnique({ where: { id }, select: { status: true, version: true } });
      if (now && now.status !== "DRAFT" && !isDesk) throw submittedStoryLocked();
      throw conflict("다른 곳에서 이 기사를 먼저 저장했습니다. 내 글은 그대로 있으니 최신 내용과 비교한 뒤 다시 저장하세요.", { currentVersion: now?.version ?? current.version });
    }
    await snapshotRevision(tx, id, "SAVE", actor.id);
    await emitDomainEvent(tx, { type: "article.saved", articleId: id });
    return tx.article.findUniqueOrThrow({ where: { id }, select: { id: true, version: true, status: true, hasPendingUpdate: true } });
  });
}
