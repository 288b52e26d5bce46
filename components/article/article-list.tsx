import Link from "next/link";
import type { PublicArticleSummary } from "@/lib/articles/public-queries";
import { formatKstMinute, toKstIso } from "@/lib/format/korean-time";

export function ArticleList({ articles }: { articles: PublicArticleSummary[] }) {
  if (articles.length === 0) return <p>아직 발행된 기사가 없습니다.</p>;
  return (
    <ul className="article-list">
      {articles.map((article) => (
        <li key={article.id} className={article.image ? "article-list__item" : "article-list__item article-list__item--no-image"}>
          <div>
            <h2 className="article-list__headline">
              <Link href={`/articles/${article.id}`}>{article.headline}</Link>
            </h2>
            {article.subHeadline && <p className="article-list__deck">{article.subHeadline}</p>}
            <p className="article-list__meta">
              {article.sectionName && <span>{article.sectionName} · </span>}
              <span>
                {article.authorName} {article.authorTitle}
              </span>{" "}
              · <time dateTime={toKstIso(article.publishedAt)}>{formatKstMinute(article.publishedAt)}</time>
            </p>
          </div>
          {article.image && (
            // Plain <img>: images are served by our own media route, already sized by the upload step.
            // eslint-disable-next-line @next/next/no-img-element
            <img className="article-list__image" src={article.image.url} alt={article.image.alt} loading="lazy" width={200} height={112} />
          )}
        </li>
      ))}
    </ul>
  );
}
