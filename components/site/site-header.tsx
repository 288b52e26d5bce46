import { WeatherStrip } from "@/components/site/weather-strip";
import { SearchForm } from "@/components/site/search-form";
import { siteName } from "@/lib/config/site";
import { formatKstDateWithWeekday, toKstIso } from "@/lib/format/korean-time";
import type { PublicSection } from "@/lib/sections/public-queries";

// Plain links throughout the public site: every page is a whole, cacheable HTML document, and
// no client router fetches (or prefetches) anything behind the reader's back.
export function SiteHeader({ sections }: { sections: PublicSection[] }) {
  const now = new Date();
  return (
    <header className="site-header">
      <a className="skip-link" href="#content">
        본문 바로가기
      </a>
      <div className="site-header__top">
        <div className="container site-header__top-inner">
          <time className="site-header__date" dateTime={toKstIso(now).slice(0, 10)}>
            {formatKstDateWithWeekday(now)}
          </time>
          <WeatherStrip />
          <nav className="site-header__util" aria-label="바로가기">
            <a href="/feed.xml">RSS</a>
          </nav>
        </div>
      </div>
      <div className="container site-header__masthead">
        <a href="/" className="site-header__brand">
          {siteName}
        </a>
        <SearchForm />
      </div>
      <nav className="site-nav" aria-label="섹션">
        <ul className="container site-nav__list">
          <li>
            <a href="/">
              홈
            </a>
          </li>
          {sections.map((section) => (
            <li key={section.slug}>
              <a href={`/sections/${section.slug}`}>
                {section.name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
