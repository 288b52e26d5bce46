import { SectionNav } from "@/components/site/section-nav";
import { parseArticleId } from "@/lib/articles/article-id";
import { getArticlePageData } from "@/lib/articles/public/public-queries";

// A story marks its section, from the same per-request read as the page itself.
export default async function ArticleSectionNav({ params }: { params: Promise<{ id: string }> }) {
  const id = parseArticleId((await params).id);
  const data = id === null ? null : await getArticlePageData(id);
  const sectionSlug = data?.state === "visible" ? data.article.section?.slug : undefined;
  return <SectionNav position={sectionSlug ? { kind: "story", sectionSlug } : null} />;
}
