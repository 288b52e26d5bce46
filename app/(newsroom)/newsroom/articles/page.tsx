import Link from "next/link";
import "@/components/newsroom/desk/desk.css";
import { StoryTable } from "@/components/newsroom/desk/story-table";
import { loadForPage } from "@/lib/actions/page-guard";
import { listNewsroomArticles } from "@/lib/articles/newsroom-articles";
import { ARTICLE_STATUS_KO } from "@/lib/articles/workflow/status-labels";
import { canForAnyRecord } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

/** Every story the viewer may read (a reporter's own, the desk's all), newest first, filtered, page by page. */
export default async function NewsroomStoryListPage({ searchParams }: Props) {
  const staff = await requireStaffPage();
  const params = await searchParams;
  const query = { status: first(params.status), q: first(params.q), cursor: first(params.cursor) };
  const defined = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined));
  const result = await loadForPage(() => listNewsroomArticles(staff, defined).catch(() => listNewsroomArticles(staff, {})));
  const { articles, nextCursor } = result;
  const isDesk = canForAnyRecord(staff, "article.read");
  const next = nextCursor ? `/newsroom/articles?${new URLSearchParams({ ...(query.status ? { status: query.status } : {}), ...(query.q ? { q: query.q } : {}), cursor: nextCursor })}` : null;
  return (
    <>
      <div className="desk-title-row">
        <h1>{isDesk ? "모든 기사" : "내 기사 전체"}</h1>
        <Link className="button" href="/newsroom/articles/new">
          새 기사 쓰기
        </Link>
      </div>
      <form className="desk-filters" method="get" action="/newsroom/articles" role="search" aria-label="기사 거르기">
        <label>
          제목 검색
          <input type="search" name="q" defaultValue={query.q ?? ""} maxLength={100} />
        </label>
        <label>
          상태
          <select name="status" defaultValue={query.status ?? ""}>
            <option value="">전체</option>
            {Object.entries(ARTICLE_STATUS_KO).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button--secondary">
          거르기
        </button>
      </form>
      <StoryTable stories={articles} time="updated" showAuthor={isDesk} testId="story-list" />
      <nav className="story-pager" aria-label="페이지">
        {query.cursor && <Link href="/newsroom/articles">처음으로</Link>}
        {next && <Link href={next}>다음 페이지</Link>}
      </nav>
    </>
  );
}
