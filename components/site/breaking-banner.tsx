import type { BreakingStory } from "@/lib/breaking/breaking-now";
import "./breaking.css";

/**
 * The 속보 banner under the masthead of every public page while the desk's period runs. Rendered
 * on the server into the page itself (no request of its own, no layout shift): the response cache
 * drops every page once when a banner goes up and once when it ends (docs/public-site.md "속보").
 */
export function BreakingBanner({ stories }: { stories: BreakingStory[] }) {
  if (stories.length === 0) return null;
  return (
    <aside className="breaking-banner no-print" aria-label="속보" data-testid="breaking-banner">
      <ul className="container breaking-banner__list">
        {stories.map((story) => (
          <li key={story.id}>
            <a href={story.path} className="breaking-banner__link">
              <strong className="breaking-banner__label">속보</strong>
              <span className="breaking-banner__headline">{story.headline}</span>
            </a>
          </li>
        ))}
      </ul>
    </aside>
  );
}
