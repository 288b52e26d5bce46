// The newsroom API shapes the editor reads (the /api/v1 contract shared with the server side).
// Type-only imports: erased from the browser bundle, so the server modules never reach it.
import type { JSONContent } from "@tiptap/core";
import type { ArticleOut } from "@/lib/articles/article-output";
import type { MediaOut } from "@/lib/media/media-output";
import type { MediaVariant } from "@/lib/media/media-url";

export type { MediaOut };

/** The working copy as the editor edits it: the API's ArticleOut. */
export type EditorArticle = ArticleOut;

/** What the editor sends on every save: the editable fields. */
export interface EditorDraft {
  headline: string;
  subHeadlines: string[];
  sectionId: number | null;
  summary: string;
  tags: string[];
  heroImageId: string | null;
  heroCaption: string;
  heroCredit: string;
  body: JSONContent;
}

export interface RevisionOut {
  number: number;
  kind: "AUTOSAVE" | "SAVE" | "SUBMIT" | "RETURN" | "APPROVE" | "CORRECTION" | "RESTORE" | string;
  articleVersion: number;
  createdAt: string;
  createdBy: { id: string; name: string };
  note: string | null;
}

export interface DiffOut {
  from: number | string;
  to: number | string;
  fields: { field: string; label: string; changed: boolean; segments: { kind: "same" | "added" | "removed"; text: string }[] }[];
}

export interface PresenceOut {
  holder: { id: string; name: string; title: string } | null;
  mine: boolean;
  takenOverBy: { id: string; name: string } | null;
  expiresAt: string;
}

export type { MediaVariant };
