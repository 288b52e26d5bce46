import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleList } from "@/components/article/article-list";
import { getLatestPublicArticles } from "@/lib/articles/public-queries";
import { getActiveSection } from "@/lib/sections/public-queries";

interface Props {
  params: Promise<{ slug: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const section = await getActiveSection((await params).slug);
  return { title: section?.name ?? "섹션을 찾을 수 없습니다" };
}

export default async function SectionPage({ params }: Props) {
  const section = await getActiveSection((await params).slug);
  if (!section) notFound();
  const articles = await getLatestPublicArticles(30, new Date(), section.slug);
  return (
    <section aria-labelledby="section-heading">
      <h1 id="section-heading" className="section-title">
        {section.name}
      </h1>
      <ArticleList articles={articles} />
    </section>
  );
}
