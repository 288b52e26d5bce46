import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleView } from "@/components/article/article-view";
import { parseArticleId } from "@/lib/articles/article-id";
import { getPublicArticle } from "@/lib/articles/public-queries";


interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseArticleId((await params).id);
  const article = id === null ? null : await getPublicArticle(id);
  if (!article) return { title: "기사를 찾을 수 없습니다" };
  return { title: article.headline, description: article.subHeadlines[0] };
}

export default async function ArticlePage({ params }: Props) {
  const id = parseArticleId((await params).id);
  const article = id === null ? null : await getPublicArticle(id);
  if (!article) notFound();
  return <ArticleView article={article} />;
}
