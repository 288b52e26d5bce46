import "server-only";
// What the story editor page loads: the working copy in the shape the editor edits, the media rows
// its pictures need, the sections, and what this person may do with the story.
import { bodyMediaIds } from "@/lib/articles/body-schema";
import type { EditorArticle, MediaOut } from "@/lib/articles/editor-types";
import { getArticleOut } from "@/lib/articles/newsroom-articles";
import { assertCan, can, canForAnyRecord } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import { mediaOutSelect, toMediaOut } from "@/lib/media/media-output";

export interface EditorPageData {
  article: EditorArticle;
  media: MediaOut[];
  readOnlyReason: string | null;
  maySubmit: boolean;
}

/** The story for its editor page; NOT_FOUND / FORBIDDEN like every newsroom read. */
export async function loadArticleForEditor(actor: StaffUser, id: number): Promise<EditorPageData> {
  const article = await getArticleOut(actor, id);
  const bodyIds = bodyMediaIds(article.body);
  const media = bodyIds.length ? (await db.media.findMany({ where: { id: { in: bodyIds } }, select: mediaOutSelect })).map(toMediaOut) : [];
  const owner = { ownerId: article.author.id };
  const readOnlyReason = !can(actor, "article.edit", owner)
    ? "이 기사를 고칠 권한이 없습니다. 읽기만 할 수 있습니다."
    : article.status !== "DRAFT" && !canForAnyRecord(actor, "article.edit")
      ? "데스크에 넘긴 기사는 고칠 수 없습니다. 데스크가 돌려보내면 다시 고칠 수 있습니다."
      : null;
  return {
    article,
    media: article.hero ? [article.hero, ...media] : media,
    readOnlyReason,
    maySubmit: article.status === "DRAFT" && can(actor, "article.submit", owner),
  };
}

/** Sections a story can be filed under, in menu order. */
export async function listSectionsForEditor(actor: StaffUser): Promise<{ id: number; name: string }[]> {
  assertCan(actor, "article.create");
  return db.section.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" }, select: { id: true, name: true } });
}

/** Who is looking: the desk may take a story over from someone editing it. */
export function editorViewer(actor: StaffUser) {
  return { id: actor.id, name: actor.name, mayTakeOver: canForAnyRecord(actor, "article.edit") };
}
