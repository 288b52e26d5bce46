"use client";
// 뉴스댓글: the comment box under a story. A client island that loads everything from the public
// API after the page arrives, so the article's HTML stays the same for every reader (cacheable):
// the count, the list and the form all come from /api/v1/articles/:id/comments.
import { useCallback, useEffect, useState } from "react";
import { CommentForm } from "@/components/comments/comment-form";
import { CommentItem } from "@/components/comments/comment-item";
import { fetchComments, type PublicCommentView } from "@/components/comments/comments-api";
import { COMMENT_MAX_LENGTH } from "@/lib/comments/comment-text";
import type { CommentSort } from "@/lib/comments/comment-limits";
import "./comments.css";

type Load = { state: "loading" } | { state: "error"; message: string } | { state: "ready" };

export function CommentsIsland({ articleId }: { articleId: number }) {
  const [sort, setSort] = useState<CommentSort>("latest");
  const [comments, setComments] = useState<PublicCommentView[]>([]);
  const [count, setCount] = useState<number | null>(null);
  const [closed, setClosed] = useState(false);
  const [cursor, setCursor] = useState<string | null>(null);
  const [load, setLoad] = useState<Load>({ state: "loading" });

  const loadFirstPage = useCallback(
    async (order: CommentSort) => {
      const answer = await fetchComments(articleId, order);
      if (!answer.ok) {
        setLoad({ state: "error", message: answer.message });
        return;
      }
      setComments(answer.data.comments);
      setCount(answer.data.count);
      setClosed(answer.data.closed);
      setCursor(answer.data.nextCursor);
      setLoad({ state: "ready" });
    },
    [articleId],
  );

  useEffect(() => {
    // Loading comments is the point of the island: the page's HTML carries none of them.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void loadFirstPage(sort);
  }, [loadFirstPage, sort]);

  const loadMore = async () => {
    if (!cursor) return;
    const answer = await fetchComments(articleId, sort, cursor);
    if (!answer.ok) return setLoad({ state: "error", message: answer.message });
    setComments((current) => [...current, ...answer.data.comments.filter((c) => !current.some((known) => known.id === c.id))]);
    setCount(answer.data.count);
    setCursor(answer.data.nextCursor);
  };

  return (
    <div className="comments-box" data-testid="comments-island">
      <div className="comments__head">
        <p className="comments__count">
          댓글 <strong data-testid="comment-total">{count ?? "-"}</strong>
        </p>
        <div className="comments__sort" role="group" aria-label="정렬">
          {(["latest", "likes"] as const).map((order) => (
            <button key={order} type="button" aria-pressed={sort === order} className={sort === order ? "is-active" : undefined} onClick={() => setSort(order)}>
              {order === "latest" ? "최신순" : "공감순"}
            </button>
          ))}
        </div>
      </div>
      <ul className="comments__rules">
        <li>띄어쓰기를 포함하여 {COMMENT_MAX_LENGTH}자 이내로 써주세요.</li>
        <li>욕설, 비방, 명예훼손, 허위 사실, 음란한 표현, 광고나 도배성 댓글은 제한되거나 삭제될 수 있습니다.</li>
        <li>독자 여러 명이 신고한 댓글은 검토할 때까지 보이지 않습니다.</li>
      </ul>
      {closed ? (
        <p className="comments__closed" role="note">
          이 기사는 댓글을 닫았습니다.
        </p>
      ) : (
        <CommentForm
          articleId={articleId}
          onPosted={(comment, held) => {
            // Shown from the answer itself: a list fetched right now could still come from a
            // cache that has not heard of this comment yet.
            if (held) return;
            setComments((current) => [comment, ...current.filter((c) => c.id !== comment.id)]);
            setCount((current) => (current ?? 0) + 1);
          }}
        />
      )}
      {load.state === "error" && (
        <p className="comments__error" role="alert">
          {load.message}
        </p>
      )}
      {load.state === "loading" && <p className="comments__empty">댓글을 불러오는 중입니다…</p>}
      {load.state === "ready" && comments.length === 0 && <p className="comments__empty">아직 댓글이 없습니다. 첫 댓글을 남겨 보세요.</p>}
      <ul className="comments__list">
        {comments.map((comment) => (
          <CommentItem
            key={comment.id}
            comment={comment}
            onRemoved={(id) => {
              setComments((current) => current.filter((c) => c.id !== id));
              setCount((current) => (current === null ? current : Math.max(0, current - 1)));
            }}
          />
        ))}
      </ul>
      {cursor && (
        <button type="button" className="comments__more" onClick={() => void loadMore()}>
          더보기
        </button>
      )}
    </div>
  );
}
