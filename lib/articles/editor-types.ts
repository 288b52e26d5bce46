// The newsroom API shapes the editor reads (the /api/v1 contract shared with the server side).
// Types only: the browser never imports the server modules that build them.
import type { JSONContent } from "@tiptap/core";
import type { MediaVariant } from "@/lib/media/media-url";

export interface MediaOut {
  id: string;
  url: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  createdAt: string;
  uploader: { id: string; name: string } | null;
  /** Responsive copies: `jpeg` and `webp` are URLs. */
  variants: { width: number; height: number; jpeg: string; webp: string }[];
}

/** The working copy as the editor edits it. */
export interface EditorArticle {
  id: number;
  status: "DRAFT" | "SUBMITTED" | "SCHEDULED" | "PUBLISHED" | "UNPUBLISHED";
  version: number;
  headline: string;
  subHeadlines: string[];
  sectionId: number | null;
  summary: string;
  tags: string[];
  heroImageId: string | null;
  hero: MediaOut | null;
  heroCaption: string;
  heroCredit: string;
  body: JSONContent;
  deskNote: string | null;
  author: { id: string; name: string; title: string };
  updatedAt: string;
}

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
