import Link from "next/link";
import { notFound } from "next/navigation";
import "@/components/article/article-body.css";
import { AccessDenied } from "@/components/newsroom/access-denied";
import { ActionForm } from "@/components/newsroom/action-form";
import { loadForPage } from "@/lib/actions/page-guard";
import { parseArticleId } from "@/lib/articles/article-id";
import { getArticleForNewsroom } from "@/lib/articles/newsroom-articles";
import { articleStatusLabel } from "@/lib/articles/status-labels";
import { can, canForAnyRecord } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { formatKstDateTime } from "@/lib/format/korean-time";
import { approveArticleAction, returnArticleAction, submitArticleAction, unpublishArticleAction } from "./actions";

interface Props {
  params: Promise<{ id: string }>;
}

export default async function NewsroomArticlePage({ params }: Props) {
  const staff = await requireStaffPage();
  const id = parseArticleId((await params).id);
  if (id === null) notFound();
  const result = await loadForPage(() => getArticleForNewsroom(staff, id));
  if (result.denied !== undefined) return <AccessDenied message={result.denied} />;
  const article = result.data;
  const owner = { ownerId: article.authorId };
  const isLive = article.status === "PUBLISHED" || article.status === "SCHEDULED";
  const hidden = (
    <>
      <input type="hidden" name="articleId" value={article.id} />
      <input type="hidden" name="version" value={article.version} />
    </>
  );

  return (
    <article>
      <p>
        <span className="badge" data-testid="article-status">
          {articleStatusLabel(article)}
        </span>{" "}
        {article.section?.name ?? "섹션 없음"} · {article.author.name} {article.author.title} · 판 {article.version}
        {article.approvedAt && ` · 기사승인 ${formatKstDateTime(article.approvedAt)}`}
      </p>
      <h1>{article.headline}</h1>
      {article.subHeadlines.map((line) => (
        <p key={line}>
          <strong>{line}</strong>
        </p>
      ))}
      {article.deskNote && article.status === "DRAFT" && (
        <p className="notice" role="note">
          데스크 메모: {article.deskNote}
        </p>
      )}

      <section className="actions-row" aria-label="처리">
        <Link className="button button--secondary" href={`/newsroom/articles/${article.id}/edit`} data-testid="edit-article">
          {can(staff, "article.edit", owner) && (article.status === "DRAFT" || canForAnyRecord(staff, "article.edit")) ? "편집" : "편집기에서 보기"}
        </Link>
        <Link className="button button--secondary" href={`/newsroom/articles/${article.id}/preview`}>
          미리보기
        </Link>
        {article.status === "DRAFT" && can(staff, "article.submit", owner) && (
          <ActionForm action={submitArticleAction} submitLabel="데스크에 넘기기">
            {hidden}
          </ActionForm>
        )}
        {can(staff, "article.approve", owner) && (article.status === "SUBMITTED" || (isLive && article.hasPendingUpdate)) && (
          <div className="panel">
            <ActionForm action={approveArticleAction} submitLabel={isLive ? "수정 승인" : "승인"}>
              {hidden}
              {!isLive && (
                <label>
                  예약 발행 시각 (비우면 지금 발행, 한국 시각)
                  <input type="datetime-local" name="publishAt" />
                </label>
              )}
            </ActionForm>
          </div>
        )}
        {article.status === "SUBMITTED" && can(staff, "article.return", owner) && (
          <div className="panel">
            <ActionForm action={returnArticleAction} submitLabel="돌려보내기">
              {hidden}
              <label>
                기자에게 남길 메모
                <textarea name="note" required maxLength={2000} />
              </label>
            </ActionForm>
          </div>
        )}
        {isLive && can(staff, "article.unpublish", owner) && (
          <div className="panel">
            <ActionForm action={unpublishArticleAction} submitLabel="게재 중단" danger confirmMessage="이 기사를 사이트에서 내립니다. 계속할까요?">
              {hidden}
              <label>
                중단 사유
                <input name="reason" required maxLength={2000} />
              </label>
            </ActionForm>
          </div>
        )}
      </section>

      {/* Derived on the server from validated Tiptap JSON and sanitized with an allow-list. */}
      <div className="article__body" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
    </article>
  );
}
