import "server-only";
// What the story editor page loads: the working copy in the shape the editor edits, the media rows
// its pictures need, the sections, and what this person may do with the story.
import { bodyMediaIds } from "@/lib/articles/body/body-schema";
import type { EditorArticle, MediaOut } from "@/lib/articles/editor/editor-types";
import { getArticleWithTransitions } from "@/lib/articles/newsroom-articles";
import { transitionVerdict } from "@/lib/articles/workflow/transition-rules";
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
export async function loadArticleForEditor(actor: StaffUser, id: number, now = new Date()): Promise<EditorPageData> {
  const { article, availableTransitions } = await getArticleWithTransitions(actor, id, now);
  const bodyIds = bodyMediaIds(article.body);
  const media = bodyIds.length ? (await db.media.findMany({ where: { id: { in: bodyIds } }, select: mediaOutSelect })).map(toMediaOut) : [];
  const owner = { ownerId: article.author.id };
  const mayWithdraw = availableTransitions.some((verdict) => verdict.action === "withdraw" && verdict.allowed);
  const readOnlyReason = !can(actor, "article.edit", owner)
    ? "이 기사를 고칠 권한이 없습니다. 읽기만 할 수 있습니다."
    : article.status !== "DRAFT" && !canForAnyRecord(actor, "article.edit")
      ? mayWithdraw
        ? "데스크에 넘긴 기사는 고칠 수 없습니다. 데스크가 승인하기 전이면 기사 검토 화면에서 “회수”를 눌러 되찾은 뒤 고칠 수 있습니다."
        : "데스크에 넘긴 기사는 고칠 수 없습니다. 데스크가 돌려보내면 다시 고칠 수 있습니다."
      : null;
  return {
    article,
    media: article.hero ? [article.hero, ...media] : media,
    readOnlyReason,
    // Offered exactly when the one transition rule allows it (the desk never on a reporter's story).
    maySubmit: availableTransitions.some((verdict) => verdict.action === "submit" && verdict.allowed),
  };
}

/** Sections a story can be filed under, in menu order. */
export async function listSectionsForEditor(actor: StaffUser): Promise<{ id: number; name: string }[]> {
  assertCan(actor, "article.create");
  return db.section.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" }, select: { id: true, name: true } });
}

/** Whether the editor of a new story offers 데스크에 넘기기: the rule, for the writer's own fresh draft. */
export function mayEverSubmitOwnStory(actor: StaffUser, now = new Date()): boolean {
  const freshDraft = { status: "DRAFT", authorId: actor.id, publishedAt: null, liveRevisionId: null, hasPendingUpdate: false } as const;
  return transitionVerdict(actor, freshDraft, "submit", now).allowed;
}

/** Who is looking: the desk may take a story over from someone editing it. */
export function editorViewer(actor: StaffUser) {
  return { id: actor.id, name: actor.name, mayTakeOver: canForAnyRecord(actor, "article.edit") };
}
