import "server-only";
// What the story editor page loads: the working copy in the shape the editor edits, the media rows
// its pictures need, the sections, and what this person may do with the story.
import type { EditorArticle, MediaOut } from "@/lib/articles/editor-types";
import { bodyMediaIds, type BodyNode } from "@/lib/articles/body-schema";
import { getArticleForNewsroom } from "@/lib/articles/newsroom-articles";
import { assertCan, can, canForAnyRecord } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import { mediaUrl, readMediaVariants } from "@/lib/media/media-url";

const mediaSelect = {
  id: true,
  storageKey: true,
  width: true,
  height: true,
  altText: true,
  caption: true,
  credit: true,
  variants: true,
  createdAt: true,
  uploader: { select: { id: true, name: true } },
} as const;

type MediaRow = { id: string; storageKey: string; width: number; height: number; altText: string; caption: string; credit: string; variants: unknown; createdAt: Date; uploader: { id: string; name: string } | null };

function toEditorMedia(row: MediaRow): MediaOut {
  return {
    id: row.id,
    url: mediaUrl(row.storageKey),
    width: row.width,
    height: row.height,
    alt: row.altText,
    caption: row.caption,
    credit: row.credit,
    createdAt: row.createdAt.toISOString(),
    uploader: row.uploader,
    variants: readMediaVariants(row.variants).map((variant) => ({ width: variant.width, height: variant.height, jpeg: mediaUrl(variant.jpegKey), webp: mediaUrl(variant.webpKey) })),
  };
}

export interface EditorPageData {
  article: EditorArticle;
  media: MediaOut[];
  readOnlyReason: string | null;
  maySubmit: boolean;
}

/** The story for its editor page; NOT_FOUND / FORBIDDEN like every newsroom read. */
export async function loadArticleForEditor(actor: StaffUser, id: number): Promise<EditorPageData> {
  const row = await getArticleForNewsroom(actor, id);
  const body = (row.bodyJson ?? { type: "doc", content: [] }) as { type: string; content?: BodyNode[] };
  const mediaIds = [...new Set([...(row.heroImageId ? [row.heroImageId] : []), ...bodyMediaIds(body)])];
  const mediaRows = mediaIds.length ? await db.media.findMany({ where: { id: { in: mediaIds } }, select: mediaSelect }) : [];
  const media = mediaRows.map(toEditorMedia);
  const owner = { ownerId: row.authorId };
  const isDesk = canForAnyRecord(actor, "article.edit");
  const readOnlyReason = !can(actor, "article.edit", owner)
    ? "이 기사를 고칠 권한이 없습니다. 읽기만 할 수 있습니다."
    : row.status !== "DRAFT" && !isDesk
      ? "데스크에 넘긴 기사는 고칠 수 없습니다. 데스크가 돌려보내면 다시 고칠 수 있습니다."
      : null;
  // Columns the server side of the editor adds (summary, tags) are read when present.
  const extra = row as { summary?: unknown; tags?: unknown };
  return {
    article: {
      id: row.id,
      status: row.status,
      version: row.version,
      headline: row.headline,
      subHeadlines: row.subHeadlines,
      sectionId: row.sectionId,
      summary: typeof extra.summary === "string" ? extra.summary : "",
      tags: [],
      heroImageId: row.heroImageId,
      hero: media.find((item) => item.id === row.heroImageId) ?? null,
      heroCaption: row.heroCaption,
      heroCredit: row.heroCredit,
      body,
      deskNote: row.deskNote,
      author: row.author,
      updatedAt: row.updatedAt.toISOString(),
    },
    media,
    readOnlyReason,
    maySubmit: row.status === "DRAFT" && can(actor, "article.submit", owner),
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
