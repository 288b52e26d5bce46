import type { ReactNode } from "react";
import { WeatherStrip } from "@/components/site/weather-strip";
import { SearchForm } from "@/components/site/search-form";
import { siteName } from "@/lib/config/site";
import { formatKstDateWithWeekday, toKstIso } from "@/lib/format/korean-time";

// Plain links throughout the public site: every page is a whole, cacheable HTML document, and
// no client router fetches (or prefetches) anything behind the reader's back. `nav` is the
// section menu (components/site/section-nav.tsx), marked for the page being shown.
export function SiteHeader({ nav }: { nav: ReactNode }) {
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
      {nav}
    </header>
  );
}
