"use client";
// The story's revisions: who saved what when, a readable word diff between any two (or one and
// the current text), and restoring one as a new revision (nothing is deleted).
import { useCallback, useEffect, useState } from "react";
import type { DiffOut, EditorArticle, RevisionOut } from "@/lib/articles/editor/editor-types";
import { apiRequest } from "@/components/editor/api-client";
import { formatKstMinute } from "@/lib/format/korean-time";

const KIND_KO: Record<string, string> = {
  AUTOSAVE: "자동 저장",
  SAVE: "저장",
  SUBMIT: "데스크에 넘김",
  RETURN: "돌려받음",
  APPROVE: "승인",
  CORRECTION: "수정 승인",
  RESTORE: "되돌림",
};

const when = (iso: string) => formatKstMinute(new Date(iso));

export function HistoryPanel({
  articleId,
  beforeRestore,
  currentVersion,
  onRestored,
  readOnly,
}: {
  articleId: number;
  /** Saves pending changes first, so restoring never drops unsaved text; false when it could not. */
  beforeRestore: () => Promise<boolean>;
  currentVersion: () => number;
  onRestored: (article: EditorArticle) => void;
  readOnly: boolean;
}) {
  const [revisions, setRevisions] = useState<RevisionOut[] | null>(null);
  const [from, setFrom] = useState<string>("");
  const [to, setTo] = useState<string>("current");
  const [diff, setDiff] = useState<DiffOut | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    apiRequest<{ revisions: RevisionOut[] }>("GET", `/api/v1/articles/${articleId}/revisions`)
      .then((body) => {
        setRevisions(body.revisions);
        setFrom((previous) => previous || String(body.revisions[0]?.number ?? ""));
      })
      .catch((failure: Error) => setError(failure.message));
  }, [articleId]);
  useEffect(load, [load]);

  const compare = () => {
    setError(null);
    apiRequest<{ diff: DiffOut }>("GET", `/api/v1/articles/${articleId}/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`)
      .then((body) => setDiff(body.diff))
      .catch((failure: Error) => setError(failure.message));
  };

  const restore = async (revision: RevisionOut) => {
    if (!window.confirm(`${revision.number}번 판(${when(revision.createdAt)})으로 되돌릴까요? 지금 원고도 기록에 남습니다.`)) return;
    if (!(await beforeRestore())) {
      setError("지금 글을 먼저 저장하지 못해 되돌리지 않았습니다.");
      return;
    }
    try {
      const body = await apiRequest<{ article: EditorArticle }>("POST", `/api/v1/articles/${articleId}/revisions/${revision.number}/restore`, { version: currentVersion() });
      onRestored(body.article);
      load();
    } catch (failure) {
      setError((failure as Error).message);
    }
  };

  return (
    <aside className="history-panel" aria-label="기록" data-testid="history-panel">
      <h2>기록</h2>
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
      {revisions === null && !error && <p>불러오는 중…</p>}
      <ol className="history-panel__list" reversed>
        {revisions?.map((revision) => (
          <li key={revision.number}>
            <strong>
              {revision.number}번 판 · {KIND_KO[revision.kind] ?? revision.kind}
            </strong>{" "}
            <span>
              {revision.createdBy.name} · {when(revision.createdAt)}
            </span>
            {revision.note && <p className="history-panel__note">{revision.note}</p>}
            {!readOnly && (
              <button type="button" className="button button--secondary" onClick={() => void restore(revision)}>
                이 판으로 되돌리기
              </button>
            )}
          </li>
        ))}
      </ol>
      {revisions && revisions.length > 0 && (
        <div className="history-panel__compare">
          <label>
            비교할 판
            <select value={from} onChange={(event) => setFrom(event.target.value)}>
              {revisions.map((revision) => (
                <option key={revision.number} value={revision.number}>
                  {revision.number}. {KIND_KO[revision.kind] ?? revision.kind} ({when(revision.createdAt)})
                </option>
              ))}
            </select>
          </label>
          <label>
            대상
            <select value={to} onChange={(event) => setTo(event.target.value)}>
              <option value="current">지금 원고 (저장된 것)</option>
              {revisions.map((revision) => (
                <option key={revision.number} value={revision.number}>
                  {revision.number}. {KIND_KO[revision.kind] ?? revision.kind}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button" onClick={compare}>
            비교
          </button>
        </div>
      )}
      {diff && (
        <div className="diff-view" data-testid="diff-view">
          {diff.fields.filter((field) => field.changed).length === 0 && <p>두 판의 내용이 같습니다.</p>}
          {diff.fields
            .filter((field) => field.changed)
            .map((field) => (
              <section key={field.field}>
                <h3>{field.label}</h3>
                <p className="diff-view__text">
                  {field.segments.map((segment, index) =>
                    segment.kind === "same" ? (
                      <span key={index}>{segment.text}</span>
                    ) : segment.kind === "added" ? (
                      <ins key={index}>{segment.text}</ins>
                    ) : (
                      <del key={index}>{segment.text}</del>
                    ),
                  )}
                </p>
              </section>
            ))}
        </div>
      )}
    </aside>
  );
}
