import "server-only";
// Writing stories: a new draft, and saves of the working copy with optimistic concurrency, so
// that two tabs or two people never overwrite each other silently (lib/articles/editor/working-copy.ts).
import { createArticleSchema, saveArticleSchema } from "@/lib/articles/article-input-schema";
import { articleOutSelect, toArticleOut, type ArticleOut } from "@/lib/articles/article-output";
import { bodyColumnsForSave } from "@/lib/articles/body/body-media";
import { snapshotRevision } from "@/lib/articles/revisions/revisions";
import { slugFor } from "@/lib/articles/public/slug";
import { setArticleTags } from "@/lib/articles/tags";
import { assertReferencesExist, loadEditableArticle, writeWorkingCopy } from "@/lib/articles/editor/working-copy";
import { assertCan } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import { emitDomainEvent } from "@/lib/events/domain-events";
import { Prisma } from "@/lib/generated/prisma/client";
import { fillBlankPhotoTexts, heroTextsOf, photoTextsOfStory } from "@/lib/media/photo-texts";
import type { BodyNode } from "@/lib/articles/body/body-schema";
import { storedOriginSource } from "@/lib/origins/story-origin";
import { parseInput } from "@/lib/validation";

export async function createArticleDraft(actor: StaffUser, input: unknown, now = new Date()): Promise<ArticleOut> {
  assertCan(actor, "article.create");
  const { tags, body, autosave, pollSurvey, originSource, ...fields } = parseInput(createArticleSchema, input);
  return db.$transaction(async (tx) => {
    await assertReferencesExist(tx, fields);
    // Every body image must be one of our media rows; the HTML is rendered with their sizes.
    const bodyColumns = await bodyColumnsForSave(tx, body);
    const { id } = await tx.article.create({
      data: { ...fields, pollSurvey: pollSurvey ?? Prisma.DbNull, originSource: storedOriginSource(fields.origin, originSource), slug: slugFor(fields.headline), ...bodyColumns, authorId: actor.id, status: "DRAFT", createdAt: now },
      select: { id: true },
    });
    await setArticleTags(tx, id, tags);
    await snapshotRevision(tx, id, "SAVE", actor.id, undefined, now);
    if (!autosave) await fillBlankPhotoTexts(tx, photoTextsOfStory({ hero: heroTextsOf(fields), body: body as { content?: BodyNode[] } }), actor.id);
    await emitDomainEvent(tx, { type: "article.created", articleId: id, authorId: actor.id });
    return toArticleOut(await tx.article.findUniqueOrThrow({ where: { id }, select: articleOutSelect }), now);
  });
}

/**
 * Saves the working copy: only the fields sent change. Refused with CONFLICT when someone saved
 * since `version` (nothing is stored; the client keeps its text and can show both) or when the
 * desk took the story over from the actor. A reporter may change only their own story while it
 * is a draft; the desk may change any story at any stage. Saving a live story leaves readers on
 * the approved revision and marks the change as a pending update for the desk. An explicit save
 * always makes a revision; an autosave only when the actor's last one is a few minutes old.
 */
export async function saveArticle(actor: StaffUser, id: number, input: unknown, now = new Date()): Promise<ArticleOut> {
  const { version, autosave, ...patch } = parseInput(saveArticleSchema, input);
  const article = await loadEditableArticle(actor, id);
  return writeWorkingCopy({
    actor,
    article,
    version,
    patch,
    revision: autosave ? "autosave" : { kind: "SAVE" },
    event: { type: "article.saved", articleId: id, actorId: actor.id, autosave },
    now,
  });
}
