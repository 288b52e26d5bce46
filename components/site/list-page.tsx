import type { ReactNode } from "react";
import { MostReadAside } from "@/components/article/most-read-aside";
import { StoryList } from "@/components/article/story-list";
import { Pager } from "@/components/site/pager";
import type { StoryPage } from "@/lib/articles/public/public-lists";

/** The body of a section, tag or reporter page: a heading block, the stories, the pager. */
export function ListPage({ heading, page, basePath, showSection = true, emptyText }: { heading: ReactNode; page: StoryPage; basePath: string; showSection?: boolean; emptyText: string }) {
  return (
    <div className="with-aside">
      <div className="with-aside__main">
        {heading}
        {page.stories.length > 0 ? <StoryList stories={page.stories} showSection={showSection} /> : <p className="empty-note">{emptyText}</p>}
        <Pager basePath={basePath} page={page} />
      </div>
      <aside className="with-aside__aside" aria-label="많이 본 기사">
        <MostReadAside />
      </aside>
    </div>
  );
}
