import { ResponsiveImage } from "@/components/site/responsive-image";
import type { PublicArticleSummary } from "@/lib/articles/public/public-summary";
import { formatKstMinute, toKstIso } from "@/lib/format/korean-time";
import { KeepWords } from "@/components/site/keep-words";

const THUMB_SIZES = "(max-width: 640px) 100vw, 200px";

export function StoryMeta({ story, showSection = true }: { story: PublicArticleSummary; showSection?: boolean }) {
  return (
    <p className="story-meta">
      {showSection && story.section && <span className="story-meta__section">{story.section.name}</span>}
      {story.author && (
        <span>
          {story.author.name} {story.author.title}
        </span>
      )}
      <time dateTime={toKstIso(story.publishedAt)}>{formatKstMinute(story.publishedAt)}</time>
    </p>
  );
}

/** A list of stories with a thumbnail and the opening lines: section, tag, reporter pages. */
export function StoryList({ stories, showSection = true, headingLevel = 2 }: { stories: PublicArticleSummary[]; showSection?: boolean; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="story-list">
      {stories.map((story) => (
        <li key={story.id} className={story.image ? "story-list__item" : "story-list__item story-list__item--text"}>
          <div className="story-list__text">
            <Heading className="story-list__headline">
              <a href={story.href}>
                <KeepWords text={story.headline} />
              </a>
            </Heading>
            <p className="story-list__description">
              <KeepWords text={story.description} />
            </p>
            <StoryMeta story={story} showSection={showSection} />
          </div>
          {story.image && (
            <a href={story.href} className="story-list__thumb" tabIndex={-1} aria-hidden="true">
              <ResponsiveImage image={{ ...story.image, alt: "" }} sizes={THUMB_SIZES} className="story-list__image" />
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Headlines only, for boxes: latest, more from the section. */
export function HeadlineList({ stories, className = "headline-list" }: { stories: PublicArticleSummary[]; className?: string }) {
  return (
    <ul className={className}>
      {stories.map((story) => (
        <li key={story.id}>
          <a href={story.href}>
            <KeepWords text={story.headline} />
          </a>
        </li>
      ))}
    </ul>
  );
}
