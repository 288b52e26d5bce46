"use client";
// One comment: nickname with its source tag, time, text, and the reader's actions: 공감, 신고
// (with a reason), 삭제 (with the password chosen when writing it).
import { useState } from "react";
import { CommentBody } from "@/components/comments/comment-body";
import { deleteComment, likeComment, reportComment, type PublicCommentView } from "@/components/comments/comments-api";
import { REPORT_REASONS } from "@/lib/comments/comment-limits";
import { formatKstMinute } from "@/lib/format/korean-time";

type Panel = "none" | "report" | "delete";

export function CommentItem({ comment, onRemoved }: { comment: PublicCommentView; onRemoved: (id: number) => void }) {
  if (comment.blocked) return <BlockedComment id={comment.id} notice={comment.blocked} />;
  return <VisibleComment comment={comment} onRemoved={onRemoved} />;
}

/** A comment under a 임시조치: its place in the list, with the notice instead of the writer and text. */
function BlockedComment({ id, notice }: { id: number; notice: NonNullable<PublicCommentView["blocked"]> }) {
  return (
    <li className="comment comment--blocked" data-comment-id={id} data-testid="blocked-comment">
      <p className="comment__blocked" role="note">
        <strong>{notice.label}</strong>
        <span>
          이 댓글은 <time dateTime={notice.until}>{formatKstMinute(new Date(notice.until)).replaceAll("-", ".")}</time>까지 볼 수 없습니다. (정보통신망법 제44조의2)
        </span>
      </p>
    </li>
  );
}

function VisibleComment({ comment, onRemoved }: { comment: PublicCommentView; onRemoved: (id: number) => void }) {
  const [likes, setLikes] = useState(comment.likeCount);
  const [panel, setPanel] = useState<Panel>("none");
  const [message, setMessage] = useState<string | null>(null);
  const [reason, setReason] = useState<keyof typeof REPORT_REASONS>("abuse");
  const [password, setPassword] = useState("");
  const [pending, setPending] = useState(false);

  const run = async <T,>(action: () => Promise<{ ok: true; data: T } | { ok: false; message: string }>, done: (data: T) => void) => {
    setPending(true);
    const answer = await action();
    setPending(false);
    if (answer.ok) done(answer.data);
    else setMessage(answer.message);
  };

  return (
    <li className="comment" data-comment-id={comment.id}>
      <div className="comment__meta">
        <strong className="comment__nickname">{comment.nickname}</strong>
        <span className="comment__tag" title="글쓴이를 알아볼 수 있게 접속 정보에서 만든 표시입니다. IP 주소가 아닙니다.">
          ({comment.tag})
        </span>
        <time className="comment__time" dateTime={comment.createdAt}>
          {formatKstMinute(new Date(comment.createdAt)).replaceAll("-", ".")}
        </time>
      </div>
      <CommentBody body={comment.body} />
      <div className="comment__actions">
        <button
          type="button"
          className="comment__like"
          disabled={pending}
          aria-label={`공감 ${likes}`}
          onClick={() =>
            void run(
              () => likeComment(comment.id),
              (data) => {
                setLikes(data.likeCount);
                setMessage(null);
              },
            )
          }
        >
          공감 <span>{likes}</span>
        </button>
        <button type="button" className="comment__link-button" onClick={() => setPanel(panel === "report" ? "none" : "report")}>
          신고
        </button>
        <button type="button" className="comment__link-button" onClick={() => setPanel(panel === "delete" ? "none" : "delete")}>
          삭제
        </button>
      </div>
      {panel === "report" && (
        <form
          className="comment__panel"
          onSubmit={(event) => {
            event.preventDefault();
            void run(
              () => reportComment(comment.id, reason),
              () => {
                setPanel("none");
                setMessage("신고를 접수했습니다. 운영 원칙에 따라 처리합니다.");
              },
            );
          }}
        >
          <fieldset>
            <legend>신고 사유</legend>
            {Object.entries(REPORT_REASONS).map(([value, label]) => (
              <label key={value}>
                <input type="radio" name={`reason-${comment.id}`} value={value} checked={reason === value} onChange={() => setReason(value as keyof typeof REPORT_REASONS)} /> {label}
              </label>
            ))}
          </fieldset>
          <button type="submit" disabled={pending}>
            신고하기
          </button>
        </form>
      )}
      {panel === "delete" && (
        <form
          className="comment__panel"
          onSubmit={(event) => {
            event.preventDefault();
            void run(
              () => deleteComment(comment.id, password),
              () => onRemoved(comment.id),
            );
          }}
        >
          <label>
            <span className="visually-hidden">댓글 비밀번호</span>
            <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} placeholder="댓글을 쓸 때 정한 비밀번호" autoComplete="current-password" required />
          </label>
          <button type="submit" disabled={pending}>
            삭제하기
          </button>
        </form>
      )}
      {message && (
        <p className="comment__message" role="status">
          {message}
        </p>
      )}
    </li>
  );
}
