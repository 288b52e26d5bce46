"use client";
// Someone saved the story since this editor loaded it. The reporter's text is kept (in the
// editor and in the local backup) and shown beside the server's; nothing is overwritten until
// they choose: keep mine (save over the newer version), take theirs, or copy mine out first.
import { useEffect, useRef, useState } from "react";
import type { EditorArticle, EditorDraft } from "@/lib/articles/editor/editor-types";
import { apiRequest } from "@/components/editor/api-client";
import { Modal } from "@/components/editor/modal";
import { bodyToPlainText } from "@/lib/articles/body/body-text";
import type { BodyNode } from "@/lib/articles/body/body-schema";
import { diffText, type DiffSegment } from "@/lib/articles/revisions/diff";
import { pollSurveyAsText } from "@/lib/elections/poll-survey";
import { formatKstMinute } from "@/lib/format/korean-time";

/** One side of the word diff: the words both have, and this side's own words marked. */
function Side({ segments, side }: { segments: DiffSegment[]; side: "mine" | "theirs" }) {
  const own = side === "mine" ? "added" : "removed";
  const shown = segments.filter((segment) => segment.kind === "same" || segment.kind === own);
  if (shown.length === 0) return <pre>(비어 있음)</pre>;
  return (
    <pre>
      {shown.map((segment, index) =>
        segment.kind === "same" ? (
          <span key={index}>{segment.text}</span>
        ) : (
          <mark key={index} className={`conflict-mark conflict-mark--${side}`}>
            {segment.text}
          </mark>
        ),
      )}
    </pre>
  );
}

function fieldsOf(draft: Pick<EditorDraft, "headline" | "subHeadlines" | "summary" | "pollSurvey" | "body">) {
  return [
    { label: "제목", text: draft.headline },
    { label: "부제", text: draft.subHeadlines.join("\n") },
    { label: "요약", text: draft.summary },
    // Only a poll story has the row (shown when either side has particulars).
    { label: "선거여론조사 표기", text: pollSurveyAsText(draft.pollSurvey), optional: true },
    { label: "본문", text: bodyToPlainText(draft.body as { content?: BodyNode[] }) },
  ];
}

function textForClipboard(draft: EditorDraft): string {
  return fieldsOf(draft)
    .filter((field) => field.text.trim() !== "")
    .map((field) => field.text)
    .join("\n\n");
}

export function ConflictScreen({
  articleId,
  mine,
  onKeepMine,
  onTakeTheirs,
}: {
  articleId: number;
  mine: EditorDraft;
  onKeepMine: (serverVersion: number) => void;
  onTakeTheirs: (server: EditorArticle) => void;
}) {
  const [server, setServer] = useState<EditorArticle | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const columns = useRef<HTMLDivElement>(null);
  useEffect(() => {
    apiRequest<{ article: EditorArticle }>("GET", `/api/v1/articles/${articleId}`)
      .then((body) => setServer(body.article))
      .catch((failure: Error) => setError(failure.message));
  }, [articleId]);
  // Opened at the first difference: in a long story it may be far down, out of sight.
  useEffect(() => {
    const box = columns.current;
    const first = box?.querySelector<HTMLElement>(".conflict-mark");
    if (!box || !first) return;
    const row = first.closest<HTMLElement>(".conflict-field");
    const heading = row?.querySelector("h4");
    const top = first.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
    // A line of context above the change, and the field's name when it fits.
    const headingTop = heading ? heading.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop : top;
    box.scrollTop = Math.max(0, top - headingTop < box.clientHeight / 3 ? headingTop : top - 40);
  }, [server]);

  const mineFields = fieldsOf(mine);
  const theirFields = server ? fieldsOf(server) : null;
  return (
    <Modal title="다른 곳에서 이 기사를 먼저 저장했습니다" onClose={() => {}} wide>
      <p className="notice" data-testid="conflict-screen">
        내 글은 그대로 있습니다 (이 기기에도 보관했습니다). 서버에 저장된 원고와 비교한 뒤 고르세요. 고르기 전에는 아무것도 덮어쓰지 않습니다.
      </p>
      {error && <p className="form__error">{error}</p>}
      <div className="conflict-columns" ref={columns} data-testid="conflict-columns">
        <h3>내 글 (저장되지 않음)</h3>
        <h3>
          서버에 저장된 원고{server ? ` (${formatKstMinute(new Date(server.updatedAt))} 저장)` : ""}
        </h3>
        {theirFields === null
          ? !error && <p>불러오는 중…</p>
          : mineFields.map((field, index) => {
              // Word by word (lib/articles/revisions/diff.ts): what only I wrote, and what only the server has.
              if (field.optional && field.text === "" && !theirFields[index]?.text) return null;
              const segments = diffText(theirFields[index]?.text ?? "", field.text);
              const differs = segments.some((segment) => segment.kind !== "same");
              return (
                <div key={field.label} className={`conflict-row${differs ? " is-different" : ""}`} data-field={field.label}>
                  <div className="conflict-field" data-side="mine">
                    <h4>{field.label}</h4>
                    <Side segments={segments} side="mine" />
                  </div>
                  <div className="conflict-field" data-side="theirs">
                    <h4>{field.label}</h4>
                    <Side segments={segments} side="theirs" />
                  </div>
                </div>
              );
            })}
      </div>
      <div className="actions-row">
        <button type="button" className="button" disabled={!server} onClick={() => server && onKeepMine(server.version)}>
          내 글로 저장 (서버 원고 위에)
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={!server}
          onClick={() => {
            if (server && (copied || window.confirm("서버 원고를 가져오면 편집기에 있는 내 글은 사라집니다. 계속할까요? (먼저 '내 글 복사'로 옮겨 둘 수 있습니다)"))) onTakeTheirs(server);
          }}
        >
          서버 원고 가져오기
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            void navigator.clipboard
              ?.writeText(textForClipboard(mine))
              .then(() => setCopied(true))
              .catch(() => setCopied(false));
          }}
        >
          {copied ? "복사했습니다" : "내 글 복사"}
        </button>
      </div>
    </Modal>
  );
}
