"use client";
// The story editor: headline, deck, section, tags, summary, hero photo and the Tiptap body, with
// autosave, a local backup, conflict handling, presence, history, counts and submission checks.
// The body editor never re-renders React per keystroke (shouldRerenderOnTransaction: false);
// serialisation happens only when a save or backup is due.
import { EditorContent, useEditor } from "@tiptap/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { EditorArticle, EditorDraft, MediaOut } from "@/lib/articles/editor-types";
import { apiRequest } from "@/components/editor/api-client";
import { ConflictScreen } from "@/components/editor/conflict-screen";
import type { DraftSession, LocalBackup, SaveStatus } from "@/components/editor/draft-session";
import { focusEditorNow } from "@/components/editor/editor-focus";
import { draftOf, EditorBridge, EMPTY_DOC, type EditorMeta } from "@/components/editor/editor-bridge";
import { EditorToolbar } from "@/components/editor/editor-toolbar";
import { HeroPhoto } from "@/components/editor/hero-photo";
import { HistoryPanel } from "@/components/editor/history-panel";
import { LinkDialog } from "@/components/editor/link-dialog";
import { backupKey, deleteLocalBackup, readLocalBackup } from "@/components/editor/local-backup";
import { rememberMedia } from "@/components/editor/media-cache";
import { MediaPicker, UploadTray, type UploadItem } from "@/components/editor/media-picker";
import { SaveStatusBadge } from "@/components/editor/save-status";
import { StoryOriginField } from "@/components/editor/story-origin-field";
import { TagsInput } from "@/components/editor/tags-input";
import { uploadImage } from "@/components/editor/upload";
import { usePresence } from "@/components/editor/use-presence";
import { VideoDialog } from "@/components/editor/video-dialog";
import { WordCount } from "@/components/editor/word-count";
import type { BodyNode } from "@/lib/articles/body-schema";
import { imageProblems, type ImageProblem } from "@/lib/articles/submission-checks";
import { originProblem } from "@/lib/origins/story-origin";
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

type Meta = EditorMeta;

const metaOf = (article: EditorArticle | null): Meta => ({
  headline: article?.headline ?? "",
  subHeadlines: article?.subHeadlines.length ? article.subHeadlines : [""],
  sectionId: article?.sectionId ?? null,
  summary: article?.summary ?? "",
  tags: article?.tags ?? [],
  hero: article?.hero ?? null,
  heroCaption: article?.heroCaption ?? "",
  heroCredit: article?.heroCredit ?? "",
  origin: article?.origin ?? null,
  originSource: article?.originSource ?? "",
});

const sameDraft = (a: EditorDraft, b: EditorDraft) => JSON.stringify(a) === JSON.stringify(b);

export function ArticleEditor(props: ArticleEditorProps) {
  const { article, sections, viewer } = props;
  const router = useRouter();
  const [bridge] = useState(() => new EditorBridge(metaOf(article)));
  const [meta, setMeta] = useState<Meta>(() => metaOf(article));
  const [session, setSession] = useState<DraftSession | null>(null);
  const [dialog, setDialog] = useState<"link" | "image" | "video" | null>(null);
  const [uploads, setUploads] = useState<UploadItem[]>([]);
  const [recoverable, setRecoverable] = useState<LocalBackup | null>(null);
  const [conflict, setConflict] = useState<{ mine: EditorDraft } | null>(null);
  const [takeoverNotice, setTakeoverNotice] = useState<string | null>(null);
  const [problems, setProblems] = useState<ImageProblem[] | null>(null);
  const [originChecked, setOriginChecked] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [articleId, setArticleId] = useState<number | null>(article?.id ?? null);
  const readOnly = props.readOnlyReason !== null || takeoverNotice !== null;

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

  const changeMeta = useCallback(
    (change: Partial<Meta>) => {
      const next = { ...bridge.meta, ...change };
      bridge.setMeta(next);
      setMeta(next);
      bridge.session?.markChanged();
    },
    [bridge],
  );

  const loadServerCopy = useCallback(
    (server: EditorArticle) => {
      const next = metaOf(server);
      bridge.setMeta(next);
      setMeta(next);
      rememberMedia(server.hero);
      // Without an update event: this is the server's text, not an edit.
      editor?.commands.setContent(server.body.content?.length ? server.body : EMPTY_DOC, { emitUpdate: false });
    },
    [bridge, editor],
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

  // A local backup left by a crash, a closed tab or a lost connection is offered back.
  useEffect(() => {
    if (!editor) return;
    let cancelled = false;
    const key = backupKey(viewer.id, article?.id ?? null);
    void readLocalBackup(key).then(async (backup) => {
      if (cancelled || !backup) return;
      if (sameDraft(backup.draft, draftOf(metaOf(article), editor.getJSON()))) await deleteLocalBackup(key);
      else setRecoverable(backup);
    });
    return () => {
      cancelled = true;
    };
  }, [editor, article, viewer.id]);

  // Leaving or hiding the page: back up and send what is unsaved (keepalive).
  useEffect(() => {
    if (!session) return;
    const onHide = () => {
      if (document.visibilityState === "hidden") session.flushOnExit();
    };
    const onPageHide = () => session.flushOnExit();
    const onOnline = () => session.online();
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      // Only when the text could not reach the server: the backup has it, but say so.
      if (session.hasUnsavedChanges && ["offline", "unavailable", "error", "conflict", "needs-headline"].includes(session.status.kind)) event.preventDefault();
    };
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("pagehide", onPageHide);
    window.addEventListener("online", onOnline);
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("pagehide", onPageHide);
      window.removeEventListener("online", onOnline);
      window.removeEventListener("beforeunload", onBeforeUnload);
    };
  }, [session]);

  const presence = usePresence(articleId, { enabled: props.readOnlyReason === null, onTakenOver: makeReadOnly });
  useEffect(() => {
    bridge.setActivityListener(presence.noteActivity);
  }, [bridge, presence.noteActivity]);

  // Images dropped or pasted into the body: uploaded with progress, then put where they landed.
  const uploadKey = useRef(0);
  useEffect(() => {
    bridge.setHooks({
      openLinkDialog: () => setDialog("link"),
      insertImageFiles: (files, position) => {
        for (const file of files) {
          const key = ++uploadKey.current;
          setUploads((list) => [...list, { key, name: file.name || "붙여 넣은 사진", progress: 0, error: null }]);
          uploadImage(file, (progress) => setUploads((list) => list.map((item) => (item.key === key ? { ...item, progress } : item))))
            .promise.then((media) => {
              rememberMedia(media);
              setUploads((list) => list.filter((item) => item.key !== key));
              if (!editor) return;
              const attrs = { mediaId: media.id, alt: media.alt, caption: media.caption, credit: media.credit };
              const at = position === null ? null : Math.min(position, editor.state.doc.content.size);
              if (at === null) editor.chain().focus().insertFigure(attrs).run();
              else editor.chain().insertContentAt(at, { type: "figure", attrs }).run();
            })
            .catch((error: Error) => setUploads((list) => list.map((item) => (item.key === key ? { ...item, error: error.message } : item))));
        }
      },
    });
  }, [bridge, editor]);

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
    const found = imageProblems({
      hero: bridge.meta.hero ? { mediaId: bridge.meta.hero.id, alt: bridge.meta.hero.alt, credit: bridge.meta.heroCredit } : null,
      body: editor.getJSON() as { content?: BodyNode[] },
    });
    setProblems(found);
    setOriginChecked(true);
    if (found.length > 0 || originProblem(bridge.meta.origin, bridge.meta.originSource)) return;
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
      <div className="editor-bar">
        <SaveStatusBadge session={session} />
        <WordCount editor={editor} />
        <div className="editor-bar__actions">
          {/* mousedown would take the focus out of the body: the reporter keeps typing after a save. */}
          <button type="button" className="button button--secondary" data-testid="save-button" onMouseDown={(event) => event.preventDefault()} onClick={() => void saveNow()} disabled={readOnly}>
            저장
          </button>
          <button type="button" className="button button--secondary" onClick={() => void openPreview()} disabled={articleId === null && meta.headline.trim() === ""}>
            미리보기
          </button>
          {articleId !== null && (
            <button type="button" className="button button--secondary" aria-pressed={showHistory} onClick={() => setShowHistory((open) => !open)}>
              기록
            </button>
          )}
          {props.maySubmit && !readOnly && (
            <button type="button" className="button" onClick={() => void submit()}>
              데스크에 넘기기
            </button>
          )}
        </div>
      </div>

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
      {takeoverNotice && (
        <p className="notice notice--alert" role="alert" data-testid="takeover-notice">
          {takeoverNotice}
        </p>
      )}
      {!takeoverNotice && presence.presence?.holder && !presence.presence.mine && (
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
      {recoverable && (
        <div className="notice notice--warn" role="alert" data-testid="recover-backup">
          저장되지 않은 글이 이 기기에 남아 있습니다 ({new Date(recoverable.savedAt).toLocaleString("ko-KR", { timeZone: "Asia/Seoul" })}).
          <button
            type="button"
            className="button"
            onClick={() => {
              const restored = recoverable.draft;
              const next: Meta = { ...bridge.meta, headline: restored.headline, subHeadlines: restored.subHeadlines.length ? restored.subHeadlines : [""], sectionId: restored.sectionId, summary: restored.summary, tags: restored.tags, heroCaption: restored.heroCaption, heroCredit: restored.heroCredit, origin: restored.origin ?? null, originSource: restored.originSource ?? "" };
              if (restored.heroImageId !== (bridge.meta.hero?.id ?? null)) next.hero = restored.heroImageId ? (props.media.find((item) => item.id === restored.heroImageId) ?? null) : null;
              bridge.setMeta(next);
              setMeta(next);
              editor.commands.setContent(restored.body, { emitUpdate: false });
              // Saved from the version it was based on: if the server moved on, the conflict screen decides.
              session.resume({ version: recoverable.baseVersion, changed: true });
              setRecoverable(null);
              void session.requestSave({ autosave: false });
            }}
          >
            되살리기
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              if (!window.confirm("이 기기에 남은 글을 버릴까요?")) return;
              void deleteLocalBackup(backupKey(viewer.id, recoverable.articleId));
              setRecoverable(null);
            }}
          >
            버리기
          </button>
        </div>
      )}
      {message && (
        <p className="form__error" role="alert">
          {message}
        </p>
      )}
      {problems && problems.length > 0 && (
        <div className="notice notice--alert" role="alert" data-testid="image-problems">
          데스크에 넘기기 전에 사진 정보를 채우세요.
          <ul>
            {problems.map((problem) => (
              <li key={`${problem.where}-${problem.mediaId}`}>{problem.message}</li>
            ))}
          </ul>
        </div>
      )}

      <div className={`editor-layout${showHistory ? " editor-layout--with-history" : ""}`}>
        <div className="editor-main">
          <fieldset className="editor-fields form" disabled={readOnly}>
            <label>
              제목
              <input className="editor-headline" name="headline" value={meta.headline} maxLength={200} onChange={(event) => changeMeta({ headline: event.target.value })} placeholder="제목" />
            </label>
            <div className="editor-deck">
              <span className="editor-deck__label">부제 (1~3줄)</span>
              {meta.subHeadlines.map((line, index) => (
                <div key={index} className="editor-deck__line">
                  <input
                    name={`subHeadline${index}`}
                    aria-label={`부제 ${index + 1}`}
                    value={line}
                    maxLength={120}
                    onChange={(event) => changeMeta({ subHeadlines: meta.subHeadlines.map((other, i) => (i === index ? event.target.value : other)) })}
                  />
                  {meta.subHeadlines.length > 1 && (
                    <button type="button" className="button button--secondary" aria-label={`부제 ${index + 1} 빼기`} onClick={() => changeMeta({ subHeadlines: meta.subHeadlines.filter((_, i) => i !== index) })}>
                      ×
                    </button>
                  )}
                </div>
              ))}
              {meta.subHeadlines.length < 3 && (
                <button type="button" className="button button--secondary" onClick={() => changeMeta({ subHeadlines: [...meta.subHeadlines, ""] })}>
                  부제 추가
                </button>
              )}
            </div>
            <div className="editor-fields__row">
              <label>
                섹션
                <select name="section" value={meta.sectionId ?? ""} onChange={(event) => changeMeta({ sectionId: event.target.value ? Number(event.target.value) : null })}>
                  <option value="">섹션 고르기</option>
                  {sections.map((section) => (
                    <option key={section.id} value={section.id}>
                      {section.name}
                    </option>
                  ))}
                </select>
              </label>
              <div className="editor-fields__tags">
                <span>태그</span>
                <TagsInput tags={meta.tags} disabled={readOnly} onChange={(tags) => changeMeta({ tags })} />
              </div>
            </div>
            <label>
              요약 <span className="form__hint">(링크 미리보기용, 비우면 첫 문단)</span>
              <textarea name="summary" value={meta.summary} maxLength={300} rows={2} onChange={(event) => changeMeta({ summary: event.target.value })} />
            </label>
          </fieldset>

          <StoryOriginField value={meta} disabled={readOnly} showProblem={originChecked} onChange={changeMeta} />

          <HeroPhoto
            hero={meta.hero}
            caption={meta.heroCaption}
            credit={meta.heroCredit}
            disabled={readOnly}
            onChange={(change) =>
              changeMeta({
                ...(change.hero !== undefined ? { hero: change.hero } : {}),
                ...(change.caption !== undefined ? { heroCaption: change.caption } : {}),
                ...(change.credit !== undefined ? { heroCredit: change.credit } : {}),
              })
            }
          />

          <div className="editor-body-frame">
            <EditorToolbar editor={editor} onLink={() => setDialog("link")} onImage={() => setDialog("image")} onVideo={() => setDialog("video")} />
            <UploadTray uploads={uploads} onDismiss={(key) => setUploads((list) => list.filter((item) => item.key !== key))} />
            <EditorContent editor={editor} className="editor-content" />
          </div>
        </div>
        {showHistory && articleId !== null && (
          <HistoryPanel
            articleId={articleId}
            readOnly={readOnly}
            currentVersion={() => session.currentVersion}
            beforeRestore={() => (session.hasUnsavedChanges ? session.requestSave({ autosave: false }) : Promise.resolve(true))}
            onRestored={(restored) => {
              loadServerCopy(restored);
              session.acceptServerCopy(restored.version);
            }}
          />
        )}
      </div>

      {dialog === "link" && <LinkDialog editor={editor} onClose={() => setDialog(null)} />}
      {dialog === "video" && <VideoDialog editor={editor} onClose={() => setDialog(null)} />}
      {dialog === "image" && (
        <MediaPicker
          title="본문에 사진 넣기"
          onClose={() => setDialog(null)}
          afterClose={() => focusEditorNow(editor)}
          onPick={(media) => {
            setDialog(null);
            editor.chain().focus().insertFigure({ mediaId: media.id, alt: media.alt, caption: media.caption, credit: media.credit }).run();
          }}
        />
      )}
      {conflict && articleId !== null && (
        <ConflictScreen
          articleId={articleId}
          mine={conflict.mine}
          onKeepMine={(serverVersion) => {
            setConflict(null);
            session.resume({ version: serverVersion, changed: true });
            void session.requestSave({ autosave: false });
          }}
          onTakeTheirs={(server) => {
            setConflict(null);
            loadServerCopy(server);
            session.resume({ version: server.version, changed: false });
          }}
        />
      )}
    </div>
  );
}
