import type { PublicArticleSummary } from "@/lib/articles/public/public-summary";
import { KeepWords } from "@/components/site/keep-words";

/** A ranked box of stories: "Today" or "Hot Issue". The subtitle says what it ranks by. */
export function MostReadBox({
  id,
  title,
  subtitle,
  stories,
  empty = "아직 집계된 기사가 없습니다.",
}: {
  id: string;
  title: string;
  subtitle: string;
  stories: PublicArticleSummary[];
  empty?: string;
}) {
  return (
    <section className="box most-read" aria-labelledby={id}>
      <h2 id={id} className="box__title">
        {title} <span className="box__subtitle">{subtitle}</span>
      </h2>
      {stories.length === 0 ? (
        <p className="box__empty">{empty}</p>
      ) : (
        <ol className="most-read__list">
          {stories.map((story, index) => (
            <li key={story.id}>
              <span className="most-read__rank" aria-hidden="true">
                {index + 1}
              </span>
              <a href={story.href}>
                <KeepWords text={story.headline} />
              </a>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
