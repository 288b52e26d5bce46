// What the editor's React shell shares with code that runs outside React renders: the Tiptap
// extensions (created once), the callbacks they call (Ctrl+K, dropped images), the current
// metadata fields, and the save engine. One object, created once per editor page, so that
// typing touches no React state at all.
import type { Editor } from "@tiptap/core";
import type { EditorDraft, MediaOut } from "@/lib/articles/editor/editor-types";
import type { PollSurvey } from "@/lib/elections/poll-survey";
import type { ArticleOrigin } from "@/lib/generated/prisma/enums";
import { DraftSession } from "@/components/editor/draft-session";
import { createEditorExtensions, type EditorHooks } from "@/components/editor/editor-extensions";
import { backupKey, deleteLocalBackup, localBackupStore } from "@/components/editor/local-backup";
import { articleSaveTransport } from "@/components/editor/save-transport";

export interface EditorMeta {
  headline: string;
  subHeadlines: string[];
  sectionId: number | null;
  summary: string;
  tags: string[];
  hero: MediaOut | null;
  heroCaption: string;
  heroCredit: string;
  /** 출처 유형 and its agency, issuer or provider (components/editor/story-origin-field.tsx). */
  origin: ArticleOrigin | null;
  originSource: string;
  /** The main photo's alt text for this story (pre-filled from the library). */
  heroAlt: string;
  /** 선거여론조사 표기 (components/editor/poll-survey-field.tsx); null: not a poll story. */
  pollSurvey: PollSurvey | null;
}

export const EMPTY_DOC = { type: "doc", content: [{ type: "paragraph" }] };

export function draftOf(meta: EditorMeta, body: EditorDraft["body"]): EditorDraft {
  return {
    headline: meta.headline,
    subHeadlines: meta.subHeadlines.map((line) => line.trim()).filter(Boolean),
    sectionId: meta.sectionId,
    summary: meta.summary,
    tags: meta.tags,
    heroImageId: meta.hero?.id ?? null,
    heroCaption: meta.heroCaption,
    heroCredit: meta.heroCredit,
    origin: meta.origin,
    originSource: meta.originSource,
    heroAlt: meta.heroAlt,
    pollSurvey: meta.pollSurvey,
    body,
  };
}

export class EditorBridge {
  private hooks: EditorHooks = { openLinkDialog: () => {}, insertImageFiles: () => {} };
  private activity: () => void = () => {};
  readonly extensions = createEditorExtensions({
    openLinkDialog: () => this.hooks.openLinkDialog(),
    insertImageFiles: (files, position) => this.hooks.insertImageFiles(files, position),
  });
  meta: EditorMeta;
  session: DraftSession | null = null;

  constructor(initialMeta: EditorMeta) {
    this.meta = initialMeta;
  }

  setHooks(hooks: EditorHooks): void {
    this.hooks = hooks;
  }

  setActivityListener(listener: () => void): void {
    this.activity = listener;
  }

  setMeta(meta: EditorMeta): void {
    this.meta = meta;
  }

  /** Every edit: the save engine notes it (no serialisation now), presence hears of activity. */
  changed(): void {
    this.session?.markChanged();
    this.activity();
  }

  draft(editor: Editor): EditorDraft {
    return draftOf(this.meta, editor.getJSON());
  }

  createSession(editor: Editor, options: { id: number | null; version: number; userId: string; onCreated: (id: number) => void }): DraftSession {
    this.session?.dispose();
    const session: DraftSession = new DraftSession({
      id: options.id,
      version: options.version,
      snapshot: () => this.draft(editor),
      transport: articleSaveTransport(),
      backup: localBackupStore(() => backupKey(options.userId, session.articleId)),
      onCreated: (id) => {
        // Text kept under "new" now lives under the story's id.
        void deleteLocalBackup(backupKey(options.userId, null)).then(() => session.writeBackup());
        options.onCreated(id);
      },
    });
    this.session = session;
    return session;
  }
}
