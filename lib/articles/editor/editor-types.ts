// The newsroom API shapes the editor reads (the /api/v1 contract shared with the server side).
// Type-only imports: erased from the browser bundle, so the server modules never reach it.
import type { JSONContent } from "@tiptap/core";
import type { ArticleContentOut, ArticleOut } from "@/lib/articles/article-output";
import type { PresenceOut as ServerPresenceOut } from "@/lib/articles/editor/presence";
import type { ArticleDiffOut, RevisionSummaryOut } from "@/lib/articles/revisions/revision-history";
import type { MediaOut } from "@/lib/media/media-output";

export type { MediaOut };

/** The working copy as the editor edits it: the API's ArticleOut. */
export type EditorArticle = ArticleOut;

/** What the editor sends on every save: the editable fields, with the body as Tiptap's editor holds it. */
export type EditorDraft = Omit<ArticleContentOut, "body"> & { body: JSONContent };

/** A revision in the history panel's list (GET .../revisions). */
export type RevisionOut = RevisionSummaryOut;

/** GET .../diff. */
export type DiffOut = ArticleDiffOut;

/** The editor's heartbeat answer (POST .../presence). */
export type PresenceOut = ServerPresenceOut;
