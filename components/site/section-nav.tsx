import { getNavigationSections } from "@/lib/sections/public-queries";

/**
 * Where the reader is, for the section menu: the front page, a section's own page, or a story
 * in a section. Each page says it through the (site) layout's `@sectionnav` slot.
 */
export type NavPosition = { kind: "home" } | { kind: "section-page"; slug: string } | { kind: "story"; sectionSlug: string } | null;

/**
 * aria-current="page" on the link to the page being shown; on a story, its section's link is
 * the current item of the menu ("true"), not the current page, which is what a screen reader
 * would otherwise announce.
 */
function currentOf(position: NavPosition, href: string): "page" | "true" | undefined {
  if (!position) return undefined;
  if (position.kind === "home") return href === "/" ? "page" : undefined;
  if (position.kind === "section-page") return href === `/sections/${position.slug}` ? "page" : undefined;
  return href === `/sections/${position.sectionSlug}` ? "true" : undefined;
}

/** The section menu under the masthead, the reader's place in it marked. Plain links (no client router). */
export async function SectionNav({ position = null }: { position?: NavPosition }) {
  const sections = await getNavigationSections();
  const items = [{ href: "/", name: "홈" }, ...sections.map((section) => ({ href: `/sections/${section.slug}`, name: section.name }))];
  return (
    <nav className="site-nav" aria-label="섹션">
      <ul className="container site-nav__list">
        {items.map((item) => (
          <li key={item.href}>
            <a href={item.href} aria-current={currentOf(position, item.href)}>
              {item.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
