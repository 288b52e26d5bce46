import Link from "next/link";
import { siteName } from "@/lib/config/site";
import { formatKstDateWithWeekday } from "@/lib/format/korean-time";

export function SiteHeader({ sections }: { sections: { slug: string; name: string }[] }) {
  return (
    <header className="site-header">
      <div className="container">
        <div className="site-header__top">
          <span>{formatKstDateWithWeekday(new Date())}</span>
          <Link href="/newsroom">뉴스룸</Link>
        </div>
        <Link href="/" className="site-header__brand">
          {siteName}
        </Link>
        <nav className="site-nav" aria-label="섹션">
          <Link href="/">홈</Link>
          {sections.map((section) => (
            <Link key={section.slug} href={`/sections/${section.slug}`}>
              {section.name}
            </Link>
          ))}
        </nav>
      </div>
    </header>
  );
}
