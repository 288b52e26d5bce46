"use client";
// The guest's form: nickname, password (to delete the comment later), the text with its counter.
// What the reader typed stays in the form when the server refuses it. Text stuffed with marks (a
// letter under a tower of accents) is refused here already, with the server's reason.
import { useState, type FormEvent } from "react";
import { CommentTextarea } from "@/components/comments/comment-textarea";
import { postComment, type PublicCommentView } from "@/components/comments/comments-api";
import { COMMENT_PASSWORD_MAX, COMMENT_PASSWORD_MIN, NICKNAME_MAX } from "@/lib/comments/comment-limits";
import { cleanCommentText, STUFFING_MESSAGES, stuffingProblem } from "@/lib/comments/comment-text";

export function CommentForm({ articleId, onPosted }: { articleId: number; onPosted: (comment: PublicCommentView, held: boolean) => void }) {
  const [nickname, setNickname] = useState("");
  const [password, setPassword] = useState("");
  const [body, setBody] = useState("");
  const [pending, setPending] = useState(false);
  const [notice, setNotice] = useState<{ kind: "ok" | "held" | "error"; text: string } | null>(null);
  const problem = stuffingProblem(cleanCommentText(body));
  const shown = problem ? { kind: "error" as const, text: STUFFING_MESSAGES[problem] } : notice;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending || problem) return;
    setPending(true);
    setNotice(null);
    const answer = await postComment(articleId, { nickname, password, body });
    setPending(false);
    if (!answer.ok) {
      setNotice({ kind: "error", text: answer.message });
      return;
    }
    const held = answer.data.comment.status === "HELD";
    setNotice({ kind: held ? "held" : "ok", text: answer.data.message });
    setBody("");
    onPosted(answer.data.comment, held);
  };

  return (
    <form className="comment-form" onSubmit={submit} aria-label="댓글 쓰기">
      <div className="comment-form__who">
        <label>
          <span className="visually-hidden">닉네임</span>
          <input name="nickname" value={nickname} onChange={(e) => setNickname(e.target.value)} placeholder="닉네임" maxLength={NICKNAME_MAX * 2} autoComplete="nickname" required />
        </label>
        <label>
          <span className="visually-hidden">비밀번호</span>
          <input
            name="password"
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            placeholder="비밀번호 (삭제할 때 필요)"
            minLength={COMMENT_PASSWORD_MIN}
            maxLength={COMMENT_PASSWORD_MAX}
            autoComplete="new-password"
            required
          />
        </label>
      </div>
      <CommentTextarea value={body} onChange={setBody} disabled={pending} placeholder="주제와 무관한 댓글, 악플은 삭제될 수 있습니다." />
      <div className="comment-form__actions">
        {shown && (
          <p role={shown.kind === "error" ? "alert" : "status"} className={`comment-form__notice comment-form__notice--${shown.kind}`}>
            {shown.text}
          </p>
        )}
        <button type="submit" className="comment-form__submit" disabled={pending || body.trim() === "" || problem !== null}>
          {pending ? "등록 중…" : "등록"}
        </button>
      </div>
    </form>
  );
}
