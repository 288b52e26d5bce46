import Link from "next/link";
import { CommentsIsland } from "@/components/comments/comments-island";
import type { PublicArticle } from "@/lib/articles/public-queries";
import { siteCopyright, siteName } from "@/lib/config/site";
import { formatKstDateTime, toKstIso } from "@/lib/format/korean-time";
import "./article-body.css";

export function ArticleView({ article }: { article: PublicArticle }) {
  const byline = `${article.author.name} ${article.author.title}`;
  return (
    <article className="article">
      {article.section && (
        <Link className="article__section" href={`/sections/${article.section.slug}`}>
          {article.section.name}
        </Link>
      )}
      <h1 className="article__headline">{article.headline}</h1>
      {article.subHeadlines.length > 0 && (
        <ul className="article__deck">
          {article.subHeadlines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <div className="article__byline">
        <strong>{byline}</strong>
        <span>
          기사승인 : <time dateTime={toKstIso(article.approvedAt)}>{formatKstDateTime(article.approvedAt)}</time>
        </span>
        {article.lastCorrectedAt && (
          <span>
            수정 : <time dateTime={toKstIso(article.lastCorrectedAt)}>{formatKstDateTime(article.lastCorrectedAt)}</time>
          </span>
        )}
      </div>
      {article.hero && (
        <figure className="article__figure">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={article.hero.url} alt={article.hero.alt} width={article.hero.width} height={article.hero.height} />
          <figcaption>
            {article.hero.caption}
            {article.hero.credit && ` (${article.hero.credit})`}
          </figcaption>
        </figure>
      )}
      {/* bodyHtml is derived on the server from validated Tiptap JSON and sanitized with an allow-list. */}
      <div className="article__body" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
      <footer className="article__signoff">
        <p>
          {siteName} {byline}
        </p>
        {article.author.bylineEmail && (
          <p>
            <a href={`mailto:${article.author.bylineEmail}`}>{article.author.bylineEmail}</a>
          </p>
        )}
        <p>{siteCopyright}</p>
      </footer>
      <section id="comments" className="comments-section" aria-labelledby="comments-heading" data-article-id={article.id}>
        <h2 id="comments-heading" className="comments-section__title">뉴스댓글</h2>
        <CommentsIsland articleId={article.id} />
      </section>
    </article>
  );
}
