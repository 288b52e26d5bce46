import type { Metadata } from "next";
import { permanentRedirect } from "next/navigation";
import { ArticleView } from "@/components/article/article-view";
import { CommentsSlot } from "@/components/article/comments-slot";
import { Island } from "@/components/islands/island";
import { StoryClaimCommentsNotice, StoryClaimLabel } from "@/components/claims/story-claim-notice";
import { GoneNotice } from "@/components/article/gone-notice";
import { MostReadAside } from "@/components/article/most-read-aside";
import { TakedownNotice } from "@/components/article/takedown-notice";
import { HeadlineList } from "@/components/article/story-list";
import { notFoundPage } from "@/components/site/not-found-page";
import { parseArticleId } from "@/lib/articles/article-id";
import { isCanonicalSlug, withReaderQuery } from "@/lib/articles/public/article-url";
import { getLatestStories } from "@/lib/articles/public/public-lists";
import { getArticlePageData } from "@/lib/articles/public/public-queries";
import { answerWithStatus } from "@/lib/http/response-status";
import { articleMetadata } from "@/lib/seo/article-metadata";
import { notFoundMetadata } from "@/lib/seo/site-metadata";

interface Props {
  params: Promise<{ id: string; slug?: string[] }>;
  /** Read only to pass on in the canonical redirect (the page does not depend on them). */
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

async function pageData(params: Props["params"]) {
  const { id: rawId, slug } = await params;
  const id = parseArticleId(rawId);
  return { slug, data: id === null ? ({ state: "missing" } as const) : await getArticlePageData(id) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { data } = await pageData(params);
  if (data.state === "visible") return articleMetadata(data.article);
  if (data.state === "blocked") return notFoundMetadata(data.notice.label);
  return notFoundMetadata(data.state === "gone" ? "삭제된 기사" : "기사를 찾을 수 없습니다");
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const { slug, data } = await pageData(params);
  if (data.state === "gone") {
    // A withdrawn story: 410 Gone with the site around a short notice, never its text.
    answerWithStatus(410);
    return <GoneNotice />;
  }
  if (data.state === "blocked") {
    // 451 Unavailable For Legal Reasons (RFC 7725): the address exists and will come back, but a
    // legal demand keeps it from readers now. Search engines drop it meanwhile as they should.
    answerWithStatus(451);
    return <TakedownNotice notice={data.notice} />;
  }
  if (data.state === "missing") return notFoundPage();
  const { article, claimNotice } = data;
  if (!isCanonicalSlug(slug, article.slug)) permanentRedirect(withReaderQuery(article.path, await searchParams));

  const [latest, sameSection] = await Promise.all([
    getLatestStories({ limit: 6, excludeIds: [article.id] }),
    article.section ? getLatestStories({ limit: 6, sectionId: article.section.id, excludeIds: [article.id] }) : Promise.resolve([]),
  ]);
  return (
    <div className="with-aside">
      <div className="with-aside__main">
        <ArticleView article={article} notice={<StoryClaimLabel notice={claimNotice} />} />
        <Island name="reactions" props={{ articleId: article.id }} />
        <StoryClaimCommentsNotice notice={claimNotice} />
        <CommentsSlot articleId={article.id} />
        <div className="related no-print">
          {latest.length > 0 && (
            <section className="box" aria-labelledby="latest-heading">
              <h2 id="latest-heading" className="box__title">
                최신기사
              </h2>
              <HeadlineList stories={latest} />
            </section>
          )}
          {article.section && sameSection.length > 0 && (
            <section className="box" aria-labelledby="same-section-heading">
              <h2 id="same-section-heading" className="box__title">
                <a href={`/sections/${article.section.slug}`}>{article.section.name}</a> 다른 기사
              </h2>
              <HeadlineList stories={sameSection} />
            </section>
          )}
        </div>
      </div>
      <aside className="with-aside__aside no-print" aria-label="많이 본 기사">
        <MostReadAside />
      </aside>
    </div>
  );
}
