import Link from "next/link";
import { listNewsroomArticles } from "@/lib/articles/newsroom-articles";
import { ARTICLE_STATUS_KO, articleStatusLabel } from "@/lib/articles/status-labels";
import { canForAnyRecord } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { formatKstMinute } from "@/lib/format/korean-time";
import { ArticleStatus } from "@/lib/generated/prisma/enums";

interface Props {
  searchParams: Promise<{ status?: string }>;
}

export default async function NewsroomHomePage({ searchParams }: Props) {
  const staff = await requireStaffPage();
  const requested = (await searchParams).status;
  const status = requested && Object.hasOwn(ArticleStatus, requested) ? (requested as ArticleStatus) : undefined;
  const articles = await listNewsroomArticles(staff, { status });
  const isDesk = canForAnyRecord(staff, "article.read");
  return (
    <>
      <div className="page-title-row">
        <h1>{status === "SUBMITTED" ? "데스크 검토 대기" : isDesk ? "모든 기사" : "내 기사"}</h1>
        <Link className="button" href="/newsroom/articles/new" data-testid="new-article">
          새 기사 쓰기
        </Link>
      </div>
      <p className="actions-row">
        <Link href="/newsroom">전체</Link>
        {Object.entries(ARTICLE_STATUS_KO).map(([value, label]) => (
          <Link key={value} href={`/newsroom?status=${value}`}>
            {label}
          </Link>
        ))}
      </p>
      {articles.length === 0 ? (
        <p>해당하는 기사가 없습니다.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>제목</th>
              <th>섹션</th>
              <th>기자</th>
              <th>상태</th>
              <th>최근 수정</th>
            </tr>
          </thead>
          <tbody>
            {articles.map((article) => (
              <tr key={article.id}>
                <td>
                  <Link href={`/newsroom/articles/${article.id}`}>{article.headline}</Link>
                </td>
                <td>{article.section?.name ?? "-"}</td>
                <td>
                  {article.author.name} {article.author.title}
                </td>
                <td>
                  <span className="badge">{articleStatusLabel(article)}</span>
                  {article.hasPendingUpdate && <span className="badge badge--muted"> 수정 승인 대기</span>}
                </td>
                <td>{formatKstMinute(article.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
