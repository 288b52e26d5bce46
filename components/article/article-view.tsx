import type { ReactNode } from "react";
import { Island } from "@/components/islands/island";
import { SavedFontSize } from "@/components/article/saved-font-size";
import { CorrectionsBlock } from "@/components/article/corrections-block";
import { PollSurveyBox } from "@/components/article/poll-survey-box";
import { ShareLinks } from "@/components/article/share-links";
import { UpdateLog } from "@/components/article/update-log";
import { storyTopicChoices } from "@/lib/push/push-topics";
import { pushPublicKey } from "@/lib/push/vapid";
import { ResponsiveImage } from "@/components/site/responsive-image";
import type { PublicArticle } from "@/lib/articles/public/public-queries";
import { isBreakingAt } from "@/lib/breaking/breaking-rules";
import { absoluteUrl, siteCopyright, siteName } from "@/lib/config/site";
import { formatKstDateTime, toKstIso } from "@/lib/format/korean-time";
import { storyOriginCredit } from "@/lib/origins/story-origin";
import { reporterPath } from "@/lib/reporters/reporter-url";
import "./article-body.css";
import { KeepWords } from "@/components/site/keep-words";
import { keepWordsInHtml } from "@/lib/format/keep-words";

const HERO_SIZES = "(max-width: 760px) 100vw, 720px";

/**
 * A story as readers see it, top to bottom as Korean papers lay it out. Nothing personal is in
 * it (it may be served from a cache to everyone): the reader tools, the view count and the
 * comments are client islands that start after load.
 */
export function ArticleView({
  article,
  countView = true,
  notice,
}: {
  article: PublicArticle;
  /** False for the newsroom's previews: staff looking is not a read. */
  countView?: boolean;
  /** Shown under the headline and deck: the rights desk's label while a claim is open. */
  notice?: ReactNode;
}) {
  const canonical = absoluteUrl(article.path);
  const bylineText = article.bylines.map((person) => `${person.name} ${person.title}`).join(", ");
  // Wire copy, a press release or a provided story names its source, at the top and at the end.
  const sourceCredit = article.origin ? storyOriginCredit(article.origin.kind, article.origin.source) : null;
  const pushKey = countView ? pushPublicKey() : null;
  return (
    <article className="article" aria-labelledby="article-headline">
      <header className="article__header">
        {article.section && (
          <p className="article__section">
            <a href={`/sections/${article.section.slug}`}>{article.section.name}</a>
          </p>
        )}
        <h1 id="article-headline" className="article__headline">
          {isBreakingAt(article.breakingUntil, new Date()) && (
            <span className="article__breaking-label" data-testid="breaking-label">
              속보
            </span>
          )}
          <KeepWords text={article.headline} />
        </h1>
        {article.subHeadlines.length > 0 && (
          <ul className="article__deck">
            {article.subHeadlines.map((line) => (
              <li key={line}>
                <KeepWords text={line} />
              </li>
            ))}
          </ul>
        )}
        {notice}
        <div className="article__infobar">
          <div className="article__byline">
            <p className="article__bylines">
              {article.bylines.map((person, index) => (
                <span key={person.id}>
                  {index > 0 && ", "}
                  <a href={reporterPath(person)} rel="author">
                    {person.name} {person.title}
                  </a>
                </span>
              ))}
            </p>
            {sourceCredit && (
              <p className="article__source" data-testid="article-source">
                {sourceCredit}
              </p>
            )}
            <p className="article__times">
              <span>
                기사승인 : {article.approvedAt ? <time dateTime={toKstIso(article.approvedAt)}>{formatKstDateTime(article.approvedAt)}</time> : "승인 전"}
              </span>
              {article.lastCorrectedAt && (
                <span>
                  수정 : <time dateTime={toKstIso(article.lastCorrectedAt)}>{formatKstDateTime(article.lastCorrectedAt)}</time>
                </span>
              )}
            </p>
          </div>
          <Island name="article-tools" props={{ url: canonical, title: article.headline }} />
        </div>
      </header>
      <SavedFontSize />
      <UpdateLog entries={article.updateLog} />

      {article.hero && (
        <figure className="article__figure">
          <ResponsiveImage image={article.hero} sizes={HERO_SIZES} eager className="article__image" />
          {(article.hero.caption || article.hero.credit) && (
            <figcaption>
              <KeepWords text={article.hero.caption} />
              {article.hero.credit && <span className="article__credit"> ({article.hero.credit})</span>}
            </figcaption>
          )}
        </figure>
      )}

      {/* bodyHtml is derived on the server from validated Tiptap JSON and sanitized with an allow-list;
          keepWordsInHtml only wraps words of its text in spans. */}
      <div className="article__body" dangerouslySetInnerHTML={{ __html: keepWordsInHtml(article.bodyHtml) }} />

      {article.pollSurvey && <PollSurveyBox survey={article.pollSurvey} />}

      <CorrectionsBlock corrections={article.corrections} />

      <footer className="article__signoff">
        <p className="article__signoff-name">
          {siteName} {bylineText}
        </p>
        {sourceCredit && <p className="article__source">{sourceCredit}</p>}
        {article.bylines.map(
          (person) =>
            person.bylineEmail && (
              <p key={person.id}>
                <a href={`mailto:${person.bylineEmail}`}>{person.bylineEmail}</a>
              </p>
            ),
        )}
        {countView && article.bylines[0] && (
          <div className="article__follow no-print">
            <Island
              name="subscribe"
              props={{
                subscription: { topic: "reporter", reporterNumber: article.bylines[0].reporterNumber },
                buttonLabel: `+ ${article.bylines[0].name} ${article.bylines[0].title} 구독`,
                description: `${article.bylines[0].name} ${article.bylines[0].title}의 새 기사가 나오면 메일로 알려 드립니다.`,
              }}
            />
          </div>
        )}
        {pushKey && (
          <div className="article__push no-print">
            <Island name="push-opt-in" props={{ publicKey: pushKey, choices: storyTopicChoices(article) }} />
          </div>
        )}
        <p className="article__copyright">{siteCopyright}</p>
        <p className="article__claim-link no-print">
          <a href={`/claims/new?article=${article.id}`}>이 기사에 대한 정정·반론보도 청구</a>
        </p>
      </footer>

      {article.tags.length > 0 && (
        <nav className="article__tags" aria-label="태그">
          <ul>
            {article.tags.map((tag) => (
              <li key={tag.slug}>
                <a href={`/tags/${encodeURIComponent(tag.slug)}`}>#{tag.name}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <div className="article__share no-print">
        <ShareLinks url={canonical} title={article.headline} />
      </div>
      {countView && <Island name="view-beacon" props={{ articleId: article.id }} />}
    </article>
  );
}
