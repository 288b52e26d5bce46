import type { Metadata } from "next";
import { SectionBlock, TopStory } from "@/components/article/front-blocks";
import { MostReadAside } from "@/components/article/most-read-aside";
import { StoryList } from "@/components/article/story-list";
import { getHomeFront } from "@/lib/articles/public/public-lists";
import { siteName } from "@/lib/config/site";
import { getNavigationSections } from "@/lib/sections/public-queries";

export const metadata: Metadata = { alternates: { canonical: "/" } };

export default async function HomePage() {
  const front = await getHomeFront(await getNavigationSections());
  return (
    <>
      <h1 className="visually-hidden">{siteName}</h1>
      <div className="with-aside">
        <div className="with-aside__main">
          {front.top ? <TopStory story={front.top} /> : <p className="empty-note">아직 발행된 기사가 없습니다.</p>}
          {front.latest.length > 0 && (
            <section aria-labelledby="latest-heading">
              <h2 id="latest-heading" className="block-title">
                최신기사
              </h2>
              <StoryList stories={front.latest} headingLevel={3} />
            </section>
          )}
        </div>
        <aside className="with-aside__aside" aria-label="많이 본 기사">
          <MostReadAside />
        </aside>
      </div>
      {front.sections.length > 0 && (
        <div className="section-blocks">
          {front.sections.map((block) => (
            <SectionBlock key={block.section.slug} section={block.section} stories={block.stories} />
          ))}
        </div>
      )}
    </>
  );
}
