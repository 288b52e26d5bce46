import Link from "next/link";
import { ActionForm } from "@/components/newsroom/action-form";
import { COMMENT_STATUS_KO, commentReasonLabel } from "@/components/newsroom/comments/comment-status-label";
import { ModerationForm } from "@/components/newsroom/comments/moderation-form";
import { loadForPage } from "@/lib/actions/page-guard";
import { canForAnyRecord } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { listActiveBans, listModerationQueue, QUEUE_VIEWS, type QueueView } from "@/lib/comments/moderation";
import { formatKstMinute } from "@/lib/format/korean-time";
import { pageNumber } from "@/lib/schemas/common";
import { liftBanAction, moderateCommentsAction, setCommentsClosedAction } from "./actions";
import "@/components/newsroom/comments/moderation.css";

interface Props {
  searchParams: Promise<{ view?: string; articleId?: string; page?: string }>;
}

export default async function CommentModerationPage({ searchParams }: Props) {
  const staff = await requireStaffPage();
  const query = await searchParams;
  const view = typeof query.view === "string" && Object.hasOwn(QUEUE_VIEWS, query.view) ? (query.view as QueueView) : "pending";
  const articleId = /^\d{1,9}$/.test(query.articleId ?? "") ? Number(query.articleId) : undefined;
  const queue = await loadForPage(() => listModerationQueue(staff, { view, articleId, page: pageNumber(query.page) }));
  const canBan = canForAnyRecord(staff, "comment.ban");
  const canTakeDown = canForAnyRecord(staff, "takedown.manage");
  const bans = canBan ? await listActiveBans(staff) : [];
  const link = (params: { view?: QueueView; page?: number }) => {
    const search = new URLSearchParams();
    search.set("view", params.view ?? view);
    if (articleId) search.set("articleId", String(articleId));
    if (params.page && params.page > 1) search.set("page", String(params.page));
    return `/newsroom/comments?${search.toString()}`;
  };

  return (
    <>
      <div className="moderation__title">
        <h1>댓글 관리</h1>
        {canForAnyRecord(staff, "comment.configure") && <Link href="/newsroom/comments/settings">금칙어·운영 설정 →</Link>}
      </div>

      {queue.article && (
        <section className="panel moderation__story">
          <p>
            <strong>{queue.article.headline}</strong> (기사 {queue.article.id}) · 댓글 {queue.article.commentsClosed ? <span className="badge badge--muted">닫힘</span> : <span className="badge">열림</span>}
          </p>
          <div className="actions-row">
            <ActionForm action={setCommentsClosedAction} submitLabel={queue.article.commentsClosed ? "댓글 다시 열기" : "이 기사 댓글 닫기"} danger={!queue.article.commentsClosed} className="inline-form">
              <input type="hidden" name="articleId" value={queue.article.id} />
              <input type="hidden" name="closed" value={queue.article.commentsClosed ? "false" : "true"} />
            </ActionForm>
            <Link href={`/articles/${queue.article.id}#comments`}>기사 페이지에서 보기</Link>
            <Link href={`/newsroom/comments?view=${view}`}>모든 기사의 댓글 보기</Link>
          </div>
        </section>
      )}

      <nav className="moderation__tabs" aria-label="댓글 목록">
        {(Object.entries(QUEUE_VIEWS) as [QueueView, string][]).map(([key, label]) => (
          <Link key={key} href={link({ view: key })} aria-current={key === view ? "page" : undefined}>
            {label} <span className="badge">{queue.counts[key]}</span>
          </Link>
        ))}
      </nav>

      {queue.comments.length === 0 ? (
        <p className="panel">처리할 댓글이 없습니다.</p>
      ) : (
        <ModerationForm action={moderateCommentsAction} canBan={canBan}>
          <table className="table table--cards moderation__table">
            <thead>
              <tr>
                <th aria-label="선택" />
                <th>댓글</th>
                <th>작성자</th>
                <th>기사</th>
                <th>신고·공감</th>
                <th>처리</th>
              </tr>
            </thead>
            <tbody>
              {queue.comments.map((comment) => (
                <tr key={comment.id} data-comment-id={comment.id} className={`moderation__row moderation__row--${comment.status.toLowerCase()}`}>
                  <td className="moderation__pick">
                    <label>
                      <input type="checkbox" name="ids" value={comment.id} aria-label={`댓글 ${comment.id} 선택`} />
                    </label>
                  </td>
                  <td className="moderation__body">
                    <span className={`badge moderation__status--${comment.status.toLowerCase()}`}>{COMMENT_STATUS_KO[comment.status]}</span>
                    {commentReasonLabel(comment.hiddenReason) && <span className="badge badge--muted">{commentReasonLabel(comment.hiddenReason)}</span>}
                    <p>{comment.body}</p>
                    {comment.reportReasons.length > 0 && <p className="moderation__reasons">신고 사유: {comment.reportReasons.join(" / ")}</p>}
                    <time dateTime={comment.createdAt.toISOString()}>{formatKstMinute(comment.createdAt)}</time>
                  </td>
                  <td data-label="작성자">
                    {comment.nickname}
                    <br />
                    <code title="작성자 표시(IP에서 만든 해시의 일부)">{comment.tag}</code>
                    {comment.bannedUntil && <span className="badge badge--muted">차단 ~{formatKstMinute(comment.bannedUntil)}</span>}
                  </td>
                  <td data-label="기사">
                    <Link href={`/newsroom/comments?view=${view}&articleId=${comment.article.id}`}>{comment.article.headline}</Link>
                    {comment.article.commentsClosed && <span className="badge badge--muted">댓글 닫힘</span>}
                  </td>
                  <td data-label="신고·공감">
                    신고 {comment.reportCount}
                    <br />
                    공감 {comment.likeCount}
                  </td>
                  <td className="moderation__row-actions" data-label="처리">
                    {comment.status !== "HIDDEN" && comment.status !== "DELETED" && (
                      <button type="submit" name="single" value={`hide:${comment.id}`} className="button--secondary">
                        숨기기
                      </button>
                    )}
                    {comment.status !== "VISIBLE" && (
                      <button type="submit" name="single" value={`restore:${comment.id}`} className="button--secondary">
                        게시
                      </button>
                    )}
                    {comment.status !== "DELETED" && (
                      <button type="submit" name="single" value={`delete:${comment.id}`} className="button--danger">
                        삭제
                      </button>
                    )}
                    {comment.status !== "DELETED" && canTakeDown && <Link href={`/newsroom/takedowns/new?comment=${comment.id}`}>임시조치</Link>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ModerationForm>
      )}
      <p className="actions-row">
        {queue.page > 1 && <Link href={link({ page: queue.page - 1 })}>← 이전</Link>}
        <span>
          {queue.page}/{queue.pageCount}쪽
        </span>
        {queue.page < queue.pageCount && <Link href={link({ page: queue.page + 1 })}>다음 →</Link>}
      </p>

      {canBan && (
        <section className="panel">
          <h2>차단 중인 작성자</h2>
          {bans.length === 0 ? (
            <p>없습니다.</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th>작성자 표시</th>
                  <th>사유</th>
                  <th>차단 끝</th>
                  <th>처리한 사람</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {bans.map((ban) => (
                  <tr key={ban.id}>
                    <td>
                      <code>{ban.tag}</code>
                    </td>
                    <td>{ban.reason || "-"}</td>
                    <td>{formatKstMinute(ban.expiresAt)}</td>
                    <td>{ban.createdBy ?? "-"}</td>
                    <td>
                      <ActionForm action={liftBanAction} submitLabel="차단 풀기" className="inline-form">
                        <input type="hidden" name="banId" value={ban.id} />
                      </ActionForm>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </>
  );
}
