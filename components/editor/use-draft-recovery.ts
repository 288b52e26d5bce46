"use client";
// When the text on screen and the server's part ways: a local backup left by a crash, a closed tab
// or a lost connection is offered back (restore or discard); a save refused because someone saved
// first stops the engine and hands the choice to the conflict screen (keep mine, take theirs); a
// takeover by the desk turns the editor read-only. Nothing is overwritten without the writer's word.
import type { Editor } from "@tiptap/core";
import { useCallback, useEffect, useState } from "react";
import type { EditorArticle, EditorDraft, MediaOut } from "@/lib/articles/editor/editor-types";
import type { DraftSession, LocalBackup, SaveStatus } from "@/components/editor/draft-session";
import { draftOf, EMPTY_DOC, type EditorBridge, type EditorMeta } from "@/components/editor/editor-bridge";
import { backupKey, deleteLocalBackup, readLocalBackup } from "@/components/editor/local-backup";
import { rememberMedia } from "@/components/editor/media-cache";
import { metaOf } from "@/components/editor/use-editor-meta";

const sameDraft = (a: EditorDraft, b: EditorDraft) => JSON.stringify(a) === JSON.stringify(b);

interface Options {
  editor: Editor | null;
  session: DraftSession | null;
  bridge: EditorBridge;
  /** The story as the page loaded it (null: a new one). */
  article: EditorArticle | null;
  viewerId: string;
  /** Media rows the page loaded (a restored hero photo is looked up among them). */
  media: MediaOut[];
  showMeta: (meta: EditorMeta) => void;
}

export function useDraftRecovery({ editor, session, bridge, article, viewerId, media, showMeta }: Options) {
  const [recoverable, setRecoverable] = useState<LocalBackup | null>(null);
  const [conflict, setConflict] = useState<{ mine: EditorDraft } | null>(null);
  const [takeoverNotice, setTakeoverNotice] = useState<string | null>(null);

  /** The server's copy in the editor (restored revision, the other side of a conflict): not an edit. */
  const loadServerCopy = useCallback(
    (server: EditorArticle) => {
      showMeta(metaOf(server));
      rememberMedia(server.hero);
      editor?.commands.setContent(server.body.content?.length ? server.body : EMPTY_DOC, { emitUpdate: false });
    },
    [editor, showMeta],
  );

  const makeReadOnly = useCallback(
    (by: string | null) => {
      if (!editor || !editor.isEditable) return;
      editor.setEditable(false);
      // A transaction, so the toolbar and node views see the change at once.
      editor.view.dispatch(editor.state.tr.setMeta("readOnly", true));
      bridge.session?.block({ kind: "taken-over", by });
      void bridge.session?.writeBackup();
      setTakeoverNotice(`${by ?? "다른 사람"}님이 이 기사의 편집을 넘겨받았습니다. 지금부터 읽기 전용입니다. 저장되지 않은 글은 이 기기에 보관했습니다.`);
    },
    [bridge, editor],
  );

  // The save engine stops on a conflict or a takeover: show the choice, or turn read-only.
  useEffect(() => {
    if (!session || !editor) return;
    const unsubscribe = session.subscribe((status: SaveStatus) => {
      if (status.kind === "conflict") setConflict({ mine: bridge.draft(editor) });
      if (status.kind === "taken-over") makeReadOnly(status.by);
    });
    return () => {
      unsubscribe();
      session.dispose();
    };
  }, [session, editor, bridge, makeReadOnly]);

  // A backup that differs from what the page loaded is offered back; one that matches is dropped.
  useEffect(() => {
    if (!editor) return;
    let cancelled = false;
    const key = backupKey(viewerId, article?.id ?? null);
    void readLocalBackup(key).then(async (backup) => {
      if (cancelled || !backup) return;
      if (sameDraft(backup.draft, draftOf(metaOf(article), editor.getJSON()))) await deleteLocalBackup(key);
      else setRecoverable(backup);
    });
    return () => {
      cancelled = true;
    };
  }, [editor, article, viewerId]);

  const restoreBackup = () => {
    if (!recoverable || !editor || !session) return;
    const restored = recoverable.draft;
    const next: EditorMeta = {
      ...bridge.meta,
      headline: restored.headline,
      subHeadlines: restored.subHeadlines.length ? restored.subHeadlines : [""],
      sectionId: restored.sectionId,
      summary: restored.summary,
      tags: restored.tags,
      heroCaption: restored.heroCaption,
      heroCredit: restored.heroCredit,
      // Backups written before stories had their own alt text keep the current one.
      heroAlt: restored.heroAlt ?? bridge.meta.heroAlt,
      // Backups written before stories had an origin have none chosen.
      origin: restored.origin ?? null,
      originSource: restored.originSource ?? "",
      // Backups written before the editor had poll fields keep the story's own particulars.
      pollSurvey: "pollSurvey" in restored ? restored.pollSurvey : bridge.meta.pollSurvey,
    };
    if (restored.heroImageId !== (bridge.meta.hero?.id ?? null)) next.hero = restored.heroImageId ? (media.find((item) => item.id === restored.heroImageId) ?? null) : null;
    showMeta(next);
    editor.commands.setContent(restored.body, { emitUpdate: false });
    // Saved from the version it was based on: if the server moved on, the conflict screen decides.
    session.resume({ version: recoverable.baseVersion, changed: true });
    setRecoverable(null);
    void session.requestSave({ autosave: false });
  };

  const discardBackup = () => {
    if (!recoverable || !window.confirm("이 기기에 남은 글을 버릴까요?")) return;
    void deleteLocalBackup(backupKey(viewerId, recoverable.articleId));
    setRecoverable(null);
  };

  /** Conflict: save my text over the server's newer version. */
  const keepMine = (serverVersion: number) => {
    setConflict(null);
    session?.resume({ version: serverVersion, changed: true });
    void session?.requestSave({ autosave: false });
  };

  /** Conflict: take the server's text (mine may have been copied out first). */
  const takeTheirs = (server: EditorArticle) => {
    setConflict(null);
    loadServerCopy(server);
    session?.resume({ version: server.version, changed: false });
  };

  return { recoverable, restoreBackup, discardBackup, conflict, keepMine, takeTheirs, takeoverNotice, makeReadOnly, loadServerCopy };
}
