import { StoryMeta } from "@/components/article/story-list";
import { ResponsiveImage } from "@/components/site/responsive-image";
import type { PublicArticleSummary } from "@/lib/articles/public/public-summary";
import { KeepWords } from "@/components/site/keep-words";

/** The home page's lead story: the largest photo and headline on the page. */
export function TopStory({ story }: { story: PublicArticleSummary }) {
  return (
    <article className="top-story" aria-labelledby="top-story-headline">
      {story.image && (
        <a href={story.href} className="top-story__photo" tabIndex={-1} aria-hidden="true">
          <ResponsiveImage image={{ ...story.image, alt: "" }} sizes="(max-width: 760px) 100vw, 700px" eager className="top-story__image" />
        </a>
      )}
      <div className="top-story__text">
        <h2 id="top-story-headline" className="top-story__headline">
          <a href={story.href}>
            <KeepWords text={story.headline} />
          </a>
        </h2>
        {story.deck && (
          <p className="top-story__deck">
            <KeepWords text={story.deck} />
          </p>
        )}
        <p className="top-story__description">
          <KeepWords text={story.description} />
        </p>
        <StoryMeta story={story} />
      </div>
    </article>
  );
}

/** A section's block on the home page: its newest story with a photo, then headlines. */
export function SectionBlock({ section, stories }: { section: { slug: string; name: string }; stories: PublicArticleSummary[] }) {
  const [lead, ...rest] = stories;
  if (!lead) return null;
  const headingId = `section-block-${section.slug}`;
  return (
    <section className="section-block" aria-labelledby={headingId}>
      <h2 id={headingId} className="block-title">
        <a href={`/sections/${section.slug}`}>
          {section.name} <span aria-hidden="true">›</span>
        </a>
      </h2>
      <article className="section-block__lead">
        {lead.image && (
          <a href={lead.href} tabIndex={-1} aria-hidden="true">
            <ResponsiveImage image={{ ...lead.image, alt: "" }} sizes="(max-width: 640px) 100vw, 340px" className="section-block__image" />
          </a>
        )}
        <h3 className="section-block__headline">
          <a href={lead.href}>
            <KeepWords text={lead.headline} />
          </a>
        </h3>
      </article>
      {rest.length > 0 && (
        <ul className="headline-list">
          {rest.map((story) => (
            <li key={story.id}>
              <a href={story.href}>
                <KeepWords text={story.headline} />
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
