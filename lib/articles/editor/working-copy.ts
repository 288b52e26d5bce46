import "server-only";
// The one way a story's working copy changes content: saves (explicit and automatic) and
// restores of an old revision go through `writeWorkingCopy`. It is a conditional update on
// (id, version, editable status), so a stale save is refused with nothing stored, and a save
// started before a status change cannot land after it. It refuses saves from someone whose
// editing the desk took over, checks the section and photo exist, keeps tags by name, spaces
// out autosave revisions and emits the domain event, all in one transaction.
import type { ContentPatch } from "@/lib/articles/article-input-schema";
import { articleOutSelect, toArticleOut, type ArticleOut } from "@/lib/articles/article-output";
import { assertNotTakenOver } from "@/lib/articles/editor/edit-takeover";
import { bodyColumnsForSave } from "@/lib/articles/body/body-media";
import type { BodyNode } from "@/lib/articles/body/body-schema";
import { snapshotAutosaveIfDue, snapshotRevision } from "@/lib/articles/revisions/revisions";
import { slugFor } from "@/lib/articles/public/slug";
import { setArticleTags } from "@/lib/articles/tags";
import { assertCan, canForAnyRecord } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import type { DbTransaction } from "@/lib/db/client";
import { conflict, DomainError, invalid, notFound } from "@/lib/errors";
import { emitDomainEvent } from "@/lib/events/domain-events";
import type { EventOf } from "@/lib/events/event-types";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ArticleStatus, RevisionKind } from "@/lib/generated/prisma/enums";
import { originTakesSource, storedOriginSource } from "@/lib/origins/story-origin";
import { fillBlankPhotoTexts, heroTextsOf, photoTextsOfStory } from "@/lib/media/photo-texts";

export interface EditableArticle {
  id: number;
  authorId: string;
  status: ArticleStatus;
  version: number;
  liveRevisionId: string | null;
  /** The status the update is conditional on: the current one for the desk, DRAFT for a reporter. */
  editableStatus: ArticleStatus;
  isDesk: boolean;
}

const submittedStoryLocked = () =>
  new DomainError("FORBIDDEN", "데스크에 넘긴 기사는 고칠 수 없습니다. 데스크가 돌려보내면 다시 고칠 수 있습니다.");

/**
 * The story, if the actor may change its content now: a reporter only their own and only while
 * it is a draft; the desk any story at any stage.
 */
export async function loadEditableArticle(actor: StaffUser, id: number): Promise<EditableArticle> {
  const current = await db.article.findUnique({ where: { id }, select: { id: true, authorId: true, status: true, version: true, liveRevisionId: true } });
  if (!current) throw notFound("기사를 찾을 수 없습니다.");
  assertCan(actor, "article.edit", { ownerId: current.authorId });
  const isDesk = canForAnyRecord(actor, "article.edit");
  if (current.status !== "DRAFT" && !isDesk) throw submittedStoryLocked();
  return { ...current, editableStatus: isDesk ? current.status : "DRAFT", isDesk };
}

/** The columns a content patch changes (only the fields it has); the body is written by `writeBody`. */
function contentColumns(patch: ContentPatch, options: { updateSlug: boolean }): Prisma.ArticleUncheckedUpdateManyInput {
  const data: Prisma.ArticleUncheckedUpdateManyInput = {};
  if (patch.headline !== undefined) {
    data.headline = patch.headline;
    if (options.updateSlug) data.slug = slugFor(patch.headline);
  }
  if (patch.subHeadlines !== undefined) data.subHeadlines = patch.subHeadlines;
  if (patch.sectionId !== undefined) data.sectionId = patch.sectionId;
  if (patch.summary !== undefined) data.summary = patch.summary;
  if (patch.heroImageId !== undefined) data.heroImageId = patch.heroImageId;
  if (patch.heroCaption !== undefined) data.heroCaption = patch.heroCaption;
  if (patch.heroCredit !== undefined) data.heroCredit = patch.heroCredit;
  if (patch.pollSurvey !== undefined) data.pollSurvey = patch.pollSurvey ?? Prisma.DbNull;
  if (patch.origin !== undefined) data.origin = patch.origin;
  // A source is kept only for an origin that has one (an agency left over from 통신 goes when the story becomes 자체 취재).
  if (patch.originSource !== undefined) data.originSource = patch.origin !== undefined ? storedOriginSource(patch.origin, patch.originSource) : patch.originSource;
  else if (patch.origin !== undefined && !originTakesSource(patch.origin)) data.originSource = "";
  if (patch.heroAlt !== undefined) data.heroAlt = patch.heroAlt;
  return data;
}

/**
 * Writes a new body and its derived HTML and text. Raw SQL on purpose: Prisma walks a JSON
 * argument value by value, which for a 100 KB body cost more than the whole database round trip.
 * Run only after the conditional update in the same transaction, which holds the row.
 */
async function writeBody(tx: DbTransaction, articleId: number, body: NonNullable<ContentPatch["body"]>): Promise<void> {
  // Every body image must be one of our media rows (else VALIDATION, and the transaction stores
  // nothing); the HTML is rendered with their sizes and records the renderer version.
  const { bodyHtml, bodyText, renderVersion } = await bodyColumnsForSave(tx, body);
  await tx.$executeRaw`UPDATE "Article" SET "bodyJson" = CAST(${JSON.stringify(body)} AS JSONB), "bodyHtml" = ${bodyHtml}, "bodyText" = ${bodyText}, "renderVersion" = ${renderVersion} WHERE "id" = ${articleId}`;
}

/** A section or photo that does not exist is the writer's mistake (400), not a database error (500). */
export async function assertReferencesExist(tx: DbTransaction, patch: ContentPatch): Promise<void> {
  if (patch.sectionId != null && !(await tx.section.findUnique({ where: { id: patch.sectionId }, select: { id: true } }))) {
    throw invalid("고른 섹션이 없습니다. 섹션 목록을 새로 불러와 다시 고르세요.", { field: "sectionId" });
  }
  if (patch.heroImageId != null && !(await tx.media.findUnique({ where: { id: patch.heroImageId }, select: { id: true } }))) {
    throw invalid("대표 사진을 찾을 수 없습니다. 사진을 다시 고르세요.", { field: "heroImageId" });
  }
}

/**
 * An explicit save (never an autosave, which may catch a word half-typed) fills the photo
 * library's blank caption, credit and alt text from what the story gives its photos.
 */
async function teachPhotoLibrary(tx: DbTransaction, articleId: number, patch: ContentPatch, actorId: string): Promise<void> {
  const heroTouched = patch.heroImageId !== undefined || patch.heroCaption !== undefined || patch.heroCredit !== undefined || patch.heroAlt !== undefined;
  if (!heroTouched && patch.body === undefined) return;
  const stored = heroTouched ? await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { heroImageId: true, heroCaption: true, heroCredit: true, heroAlt: true } }) : null;
  await fillBlankPhotoTexts(tx, photoTextsOfStory({ hero: stored ? heroTextsOf(stored) : null, body: patch.body as { content?: BodyNode[] } | undefined }), actorId);
}

export interface WorkingCopyChange {
  actor: StaffUser;
  article: EditableArticle;
  /** The version the writer started from. */
  version: number;
  patch: ContentPatch;
  /** "autosave": a revision only when due; otherwise this kind of revision always. */
  revision: "autosave" | { kind: RevisionKind; note?: string };
  event: EventOf<"article.saved" | "article.restored">;
  now: Date;
}

const STALE_MESSAGE = "다른 곳에서 이 기사를 먼저 저장했습니다. 내 글은 그대로 있으니 최신 내용과 비교한 뒤 다시 저장하세요.";

export async function writeWorkingCopy(change: WorkingCopyChange): Promise<ArticleOut> {
  const { actor, article, version, patch, now } = change;
  const isLive = article.status === "PUBLISHED" || article.status === "SCHEDULED";
  const data = contentColumns(patch, { updateSlug: article.liveRevisionId === null });
  return db.$transaction(async (tx) => {
    await assertNotTakenOver(tx, article.id, actor.id);
    await assertReferencesExist(tx, patch);
    const { count } = await tx.article.updateMany({
      where: { id: article.id, version, status: article.editableStatus },
      data: { ...data, version: { increment: 1 }, ...(isLive ? { hasPendingUpdate: true } : {}) },
    });
    if (count === 0) {
      const latest = await tx.article.findUnique({ where: { id: article.id }, select: { status: true, version: true } });
      if (!latest) throw notFound("기사를 찾을 수 없습니다.");
      if (!article.isDesk && latest.status !== "DRAFT") throw submittedStoryLocked();
      throw conflict(STALE_MESSAGE, { currentVersion: latest.version });
    }
    if (patch.body !== undefined) await writeBody(tx, article.id, patch.body);
    if (patch.tags !== undefined) await setArticleTags(tx, article.id, patch.tags);
    if (change.revision === "autosave") await snapshotAutosaveIfDue(tx, article.id, actor.id, now);
    else {
      await snapshotRevision(tx, article.id, change.revision.kind, actor.id, change.revision.note, now);
      await teachPhotoLibrary(tx, article.id, patch, actor.id);
    }
    await emitDomainEvent(tx, change.event);
    // The body just written is not read back (it is the largest part of the row).
    if (patch.body === undefined) return toArticleOut(await tx.article.findUniqueOrThrow({ where: { id: article.id }, select: articleOutSelect }), now);
    const { bodyJson: _body, ...withoutBody } = articleOutSelect;
    return toArticleOut({ ...(await tx.article.findUniqueOrThrow({ where: { id: article.id }, select: withoutBody })), bodyJson: patch.body }, now);
  });
}
