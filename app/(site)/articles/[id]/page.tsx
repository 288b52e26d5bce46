import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleView } from "@/components/article/article-view";
import { getPublicArticle } from "@/lib/articles/public-queries";


interface Props {
  params: Promise<{ id: string }>;
}

function parseArticleId(raw: string): number | null {
  return /^\d{1,9}$/.test(raw) ? Number(raw) : null;
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
