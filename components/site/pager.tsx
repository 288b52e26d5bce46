import type { StoryPage } from "@/lib/articles/public/public-lists";

/** Newer / older links of a keyset-paged list. */
export function Pager({ basePath, page }: { basePath: string; page: StoryPage }) {
  if (!page.newer && !page.older) return null;
  return (
    <nav className="pager" aria-label="페이지">
      {page.newer ? (
        <a href={`${basePath}?after=${page.newer}`} rel="prev">
          ← 최근 기사
        </a>
      ) : (
        <span />
      )}
      {page.newer && <a href={basePath}>처음으로</a>}
      {page.older ? (
        <a href={`${basePath}?before=${page.older}`} rel="next">
          지난 기사 →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
