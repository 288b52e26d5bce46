import { JsonLd } from "@/components/seo/json-ld";
import { parseArticleId } from "@/lib/articles/article-id";
import { getArticlePageData } from "@/lib/articles/public/public-queries";
import { articleJsonLd } from "@/lib/seo/article-metadata";

// A story's NewsArticle, from the same per-request read as the page itself.
export default async function ArticleJsonLd({ params }: { params: Promise<{ id: string }> }) {
  const id = parseArticleId((await params).id);
  const data = id === null ? null : await getArticlePageData(id);
  return data?.state === "visible" ? <JsonLd data={articleJsonLd(data.article)} /> : null;
}
