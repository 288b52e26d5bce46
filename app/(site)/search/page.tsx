import type { Metadata } from "next";
import { StoryMeta } from "@/components/article/story-list";
import { Highlighted } from "@/components/site/highlighted";
import { SearchForm } from "@/components/site/search-form";
import { pageNumber } from "@/lib/schemas/common";
import { MAX_QUERY_LENGTH, MAX_TERMS, parseSearchQuery, type SearchQuery } from "@/lib/search/search-query";
import { MAX_SEARCH_PAGE, searchStories, type SearchResults } from "@/lib/search/search-stories";
import type { SEARCH_PARAMS } from "@/lib/cache/route-query-params";

interface Props {
  /** The response cache keys /search by exactly these (lib/cache/route-query-params.ts). */
  searchParams: Promise<Partial<Record<(typeof SEARCH_PARAMS)[number], string | string[]>>>;
}

export const metadata: Metadata = { title: "기사 검색", robots: { index: false, follow: true }, alternates: { canonical: "/search" } };

function friendlyMessage(query: Exclude<SearchQuery, { kind: "terms" }>): { title: string; detail: string } {
  switch (query.kind) {
    case "empty":
      return { title: "찾을 낱말을 입력하세요", detail: "기사 제목과 본문에서 찾습니다. 여러 낱말을 띄어 쓰면 모두 들어 있는 기사를 찾습니다." };
    case "too-long":
      return { title: "검색어가 너무 깁니다", detail: `검색어는 ${MAX_QUERY_LENGTH}자 이내로 줄여서 다시 찾아 주세요.` };
    case "no-words":
      return { title: "찾을 수 있는 글자가 없습니다", detail: "기호만으로는 찾을 수 없습니다. 한글, 영문 또는 숫자로 입력해 주세요." };
  }
}

function pageLinks(results: SearchResults, q: string) {
  const first = Math.max(1, results.page - 4);
  const last = Math.min(results.pageCount, first + 9);
  const href = (page: number) => `/search?q=${encodeURIComponent(q)}${page > 1 ? `&page=${page}` : ""}`;
  return (
    <nav className="pager pager--numbers" aria-label="검색 결과 페이지">
      {results.page > 1 && <a href={href(results.page - 1)}>← 이전</a>}
      <ol>
        {Array.from({ length: last - first + 1 }, (_, index) => first + index).map((page) => (
          <li key={page}>{page === results.page ? <span aria-current="page">{page}</span> : <a href={href(page)}>{page}</a>}</li>
        ))}
      </ol>
      {results.page < results.pageCount && <a href={href(results.page + 1)}>다음 →</a>}
    </nav>
  );
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const query = parseSearchQuery(params.q);
  const typed = query.kind === "terms" || query.kind === "no-words" ? query.text : "";
  return (
    <div className="search-page">
      <header className="list-heading">
        <h1 className="list-heading__title">기사 검색</h1>
      </header>
      <SearchForm defaultValue={typed} id="search-page-query" />
      {query.kind === "terms" ? <SearchResultsView query={query} page={pageNumber(params.page, MAX_SEARCH_PAGE)} /> : <FriendlyNotice {...friendlyMessage(query)} />}
    </div>
  );
}

function FriendlyNotice({ title, detail }: { title: string; detail: string }) {
  return (
    <section className="search-notice" aria-live="polite">
      <h2>{title}</h2>
      <p>{detail}</p>
    </section>
  );
}

async function SearchResultsView({ query, page }: { query: Extract<SearchQuery, { kind: "terms" }>; page: number }) {
  const results = await searchStories(query.terms, page);
  return (
    <section aria-labelledby="search-results-heading">
      <h2 id="search-results-heading" className="search-summary">
        ‘{query.terms.join(" ")}’ 검색 결과 <strong>{(results.totalIsCapped ? results.total - 1 : results.total).toLocaleString("ko-KR")}</strong>건{results.totalIsCapped ? " 이상" : ""}
      </h2>
      {query.droppedTerms > 0 && <p className="search-note">검색어는 앞의 {MAX_TERMS}개 낱말까지만 씁니다.</p>}
      {results.hits.length === 0 ? (
        <FriendlyNotice title="찾는 기사가 없습니다" detail="낱말을 줄이거나 다른 말로 찾아 보세요. 조사(은·는·이·가 등)는 빼도 됩니다." />
      ) : (
        <ol className="search-results">
          {results.hits.map((hit) => (
            <li key={hit.id}>
              <h3 className="search-results__headline">
                <a href={hit.href}>
                  <Highlighted text={hit.headline} terms={query.terms} />
                </a>
              </h3>
              <p className="search-results__excerpt">
                <Highlighted text={hit.excerpt} terms={query.terms} />
              </p>
              <StoryMeta story={hit} />
            </li>
          ))}
        </ol>
      )}
      {results.pageCount > 1 && pageLinks(results, query.text)}
    </section>
  );
}
