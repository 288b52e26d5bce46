"use client";
// The story editor: headline, deck, section, tags, summary, origin (출처 유형), an election poll
// story's particulars (선거여론조사 표기), hero photo and the Tiptap body, with
// autosave, a local backup, conflict handling, presence, history, counts and submission checks.
// The body editor never re-renders React per keystroke (shouldRerenderOnTransaction: false);
// serialisation happens only when a save or backup is due. Its parts live in hooks: the fields
// (use-editor-meta), uploads (use-image-uploads), recovery and conflict (use-draft-recovery),
// dialogs (editor-dialogs), saving on exit (use-save-on-exit) and presence (use-presence).
import { EditorContent, useEditor } from "@tiptap/react";
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import type { EditorArticle, MediaOut } from "@/lib/articles/editor/editor-types";
import { apiRequest } from "@/components/editor/api-client";
import { ConflictScreen } from "@/components/editor/conflict-screen";
import type { DraftSession } from "@/components/editor/draft-session";
import { EditorBridge, EMPTY_DOC, type EditorMeta } from "@/components/editor/editor-bridge";
import { EditorBar } from "@/components/editor/editor-bar";
import { EditorDialogs, useEditorDialogs } from "@/components/editor/editor-dialogs";
import { EditorFields } from "@/components/editor/editor-fields";
import { EditorToolbar } from "@/components/editor/editor-toolbar";
import { HeroPhoto } from "@/components/editor/hero-photo";
import { HistoryPanel } from "@/components/editor/history-panel";
import { rememberMedia } from "@/components/editor/media-cache";
import { PollSurveyField } from "@/components/editor/poll-survey-field";
import { StoryOriginField } from "@/components/editor/story-origin-field";
import { UploadTray } from "@/components/editor/media-picker";
import { useDraftRecovery } from "@/components/editor/use-draft-recovery";
import { metaOf, useEditorMeta } from "@/components/editor/use-editor-meta";
import { useImageUploads } from "@/components/editor/use-image-uploads";
import { usePresence } from "@/components/editor/use-presence";
import { useSaveOnExit } from "@/components/editor/use-save-on-exit";
import { useSubmissionCheck } from "@/components/editor/use-submission-check";
import { formatKstMinute } from "@/lib/format/korean-time";
import "./editor.css";

export interface ArticleEditorProps {
  /** null: a new story, created by its first save. */
  article: EditorArticle | null;
  sections: { id: number; name: string }[];
  /** Media rows of the hero and the body's images. */
  media: MediaOut[];
  viewer: { id: string; name: string; mayTakeOver: boolean };
  /** Why this person may not change the story now (submitted to the desk ...), or null. */
  readOnlyReason: string | null;
  maySubmit: boolean;
}

export function ArticleEditor(props: ArticleEditorProps) {
  const { article, sections, viewer } = props;
  const router = useRouter();
  const [bridge] = useState(() => new EditorBridge(metaOf(article)));
  const { meta, showMeta, changeMeta } = useEditorMeta(bridge);
  const [session, setSession] = useState<DraftSession | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [articleId, setArticleId] = useState<number | null>(article?.id ?? null);

  useEffect(() => {
    rememberMedia(...props.media);
  }, [props.media]);

  const editor = useEditor({
    extensions: bridge.extensions,
    content: article?.body && (article.body.content?.length ?? 0) > 0 ? article.body : EMPTY_DOC,
    editable: props.readOnlyReason === null,
    immediatelyRender: false,
    shouldRerenderOnTransaction: false,
    editorProps: { attributes: { class: "article__body editor-body", "aria-label": "본문", "data-testid": "editor-body", spellcheck: "false" } },
    onCreate: ({ editor: created }) => {
      // The save engine: it reads the text only when a save or a backup is due.
      setSession(
        bridge.createSession(created, {
          id: article?.id ?? null,
          version: article?.version ?? 1,
          userId: viewer.id,
          onCreated: (id) => {
            setArticleId(id);
            window.history.replaceState(null, "", `/newsroom/articles/${id}/edit`);
          },
        }),
      );
    },
    onUpdate: () => bridge.changed(),
  });

  const recovery = useDraftRecovery({ editor, session, bridge, article, viewerId: viewer.id, media: props.media, showMeta });
  const readOnly = props.readOnlyReason !== null || recovery.takeoverNotice !== null;
  useSaveOnExit(session);
  const presence = usePresence(articleId, { enabled: props.readOnlyReason === null, onTakenOver: recovery.makeReadOnly });
  useEffect(() => {
    bridge.setActivityListener(presence.noteActivity);
  }, [bridge, presence.noteActivity]);
  const { uploads, insertImageFiles, dismissUpload } = useImageUploads(editor);
  const dialogs = useEditorDialogs(bridge, insertImageFiles);
  const submission = useSubmissionCheck(editor, bridge);
  const editFields = (change: Partial<EditorMeta>) => {
    changeMeta(change);
    submission.recheckSoon();
  };

  const saveNow = async () => {
    setMessage(null);
    const ok = (await session?.requestSave({ autosave: false })) ?? false;
    if (!ok && session?.status.kind === "needs-headline") setMessage("제목을 먼저 쓰세요.");
    return ok;
  };

  const openPreview = async () => {
    if (!(await saveNow()) || session?.articleId == null) return;
    window.open(`/newsroom/articles/${session.articleId}/preview`, "_blank", "noopener");
  };

  const submit = async () => {
    if (!editor || !session) return;
    // The server's own rule, checked here first: nothing is sent while the list is not empty.
    if (submission.check().length > 0) return;
    if (!(await saveNow()) || session.articleId === null) return;
    try {
      await apiRequest("POST", `/api/v1/articles/${session.articleId}/submit`, {});
      router.push(`/newsroom/articles/${session.articleId}`);
    } catch (error) {
      setMessage((error as Error).message);
    }
  };

  if (!editor || !session) return <p className="editor-loading">편집기를 여는 중…</p>;

  return (
    <div className="article-editor" data-testid="article-editor" data-article-id={articleId ?? ""}>
      <EditorBar session={session} editor={editor}>
        {/* mousedown would take the focus out of the body: the reporter keeps typing after a save. */}
        <button type="button" className="button button--secondary" data-testid="save-button" onMouseDown={(event) => event.preventDefault()} onClick={() => void saveNow()} disabled={readOnly}>
          저장
        </button>
        <button type="button" className="button button--secondary" onClick={() => void openPreview()} disabled={articleId === null && meta.headline.trim() === ""}>
          미리보기
        </button>
        {articleId !== null && (
          <button type="button" className="button button--secondary" aria-pressed={dialogs.showHistory} onClick={dialogs.toggleHistory}>
            기록
          </button>
        )}
        {props.maySubmit && !readOnly && (
          <button type="button" className="button" onClick={() => void submit()}>
            데스크에 넘기기
          </button>
        )}
      </EditorBar>

      {props.readOnlyReason && (
        <p className="notice" role="note">
          {props.readOnlyReason}
        </p>
      )}
      {article?.deskNote && article.status === "DRAFT" && (
        <p className="notice" role="note">
          데스크 메모: {article.deskNote}
        </p>
      )}
      {recovery.takeoverNotice && (
        <p className="notice notice--alert" role="alert" data-testid="takeover-notice">
          {recovery.takeoverNotice}
        </p>
      )}
      {!recovery.takeoverNotice && presence.presence?.holder && !presence.presence.mine && (
        <div className="notice notice--warn" role="note" data-testid="presence-notice">
          {presence.presence.holder.name} {presence.presence.holder.title}님이 이 기사를 편집하고 있습니다. 함께 고치면 나중에 저장한 쪽이 비교 화면을 보게 됩니다.
          {viewer.mayTakeOver && (
            <button type="button" className="button button--secondary" onClick={() => void presence.takeOver()}>
              편집 넘겨받기
            </button>
          )}
          {presence.error && <span className="form__error"> {presence.error}</span>}
        </div>
      )}
      {recovery.recoverable && (
        <div className="notice notice--warn" role="alert" data-testid="recover-backup">
          저장되지 않은 글이 이 기기에 남아 있습니다 ({formatKstMinute(new Date(recovery.recoverable.savedAt))}).
          <button type="button" className="button" onClick={recovery.restoreBackup}>
            되살리기
          </button>
          <button type="button" className="button button--secondary" onClick={recovery.discardBackup}>
            버리기
          </button>
        </div>
      )}
      {message && (
        <p className="form__error" role="alert">
          {message}
        </p>
      )}
      {submission.problems.length > 0 && (
        <div className="notice notice--alert" role="status" data-testid="submission-problems">
          데스크에 넘기기 전에 채울 것:
          <ul>
            {submission.problems.map((problem) => (
              <li key={problem.message}>{problem.message}</li>
            ))}
          </ul>
        </div>
      )}

      <div className={`editor-layout${dialogs.showHistory ? " editor-layout--with-history" : ""}`}>
        <div className="editor-main">
          <EditorFields meta={meta} sections={sections} readOnly={readOnly} onChange={editFields} />
          <StoryOriginField value={meta} disabled={readOnly} showProblem={submission.problems.some((problem) => problem.field === "origin")} onChange={editFields} />
          <PollSurveyField value={meta.pollSurvey} disabled={readOnly} showProblems={submission.problems.some((problem) => problem.field === "pollSurvey")} onChange={(pollSurvey) => editFields({ pollSurvey })} />
          <HeroPhoto
            hero={meta.hero}
            texts={{ caption: meta.heroCaption, credit: meta.heroCredit, alt: meta.heroAlt }}
            disabled={readOnly}
            onChange={(change) =>
              editFields({
                ...(change.hero !== undefined ? { hero: change.hero } : {}),
                ...(change.caption !== undefined ? { heroCaption: change.caption } : {}),
                ...(change.credit !== undefined ? { heroCredit: change.credit } : {}),
                ...(change.alt !== undefined ? { heroAlt: change.alt } : {}),
              })
            }
          />
          <div className="editor-body-frame">
            <EditorToolbar editor={editor} onLink={() => dialogs.openDialog("link")} onImage={() => dialogs.openDialog("image")} onVideo={() => dialogs.openDialog("video")} />
            <UploadTray uploads={uploads} onDismiss={dismissUpload} />
            <EditorContent editor={editor} className="editor-content" />
          </div>
        </div>
        {dialogs.showHistory && articleId !== null && (
          <HistoryPanel
            articleId={articleId}
            readOnly={readOnly}
            currentVersion={() => session.currentVersion}
            beforeRestore={() => (session.hasUnsavedChanges ? session.requestSave({ autosave: false }) : Promise.resolve(true))}
            onRestored={(restored) => {
              recovery.loadServerCopy(restored);
              session.acceptServerCopy(restored.version);
            }}
          />
        )}
      </div>

      <EditorDialogs dialog={dialogs.dialog} editor={editor} onClose={dialogs.closeDialog} />
      {recovery.conflict && articleId !== null && <ConflictScreen articleId={articleId} mine={recovery.conflict.mine} onKeepMine={recovery.keepMine} onTakeTheirs={recovery.takeTheirs} />}
    </div>
  );
}
