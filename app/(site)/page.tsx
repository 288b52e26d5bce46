import { ArticleList } from "@/components/article/article-list";
import { getLatestPublicArticles } from "@/lib/articles/public-queries";


export default async function HomePage() {
  const articles = await getLatestPublicArticles(30);
  return (
    <section aria-labelledby="latest-heading">
      <h1 id="latest-heading" className="visually-hidden">
        최신기사
      </h1>
      <ArticleList articles={articles} />
    </section>
  );
}
