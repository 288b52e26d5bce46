import type { ReactNode } from "react";
import { BreakingBanner } from "@/components/site/breaking-banner";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { SectionNav } from "@/components/site/section-nav";
import { getBreakingStories } from "@/lib/breaking/breaking-now";
import { getNavigationSections } from "@/lib/sections/public-queries";
import "./site.css";

/**
 * Masthead, section navigation, the 속보 banner (while one runs) and footer around a reader page
 * (also the 404 page's). `nav`: the section menu with the reader's place marked (the (site)
 * layout's @sectionnav slot); by default nothing is marked.
 */
export async function SiteChrome({ children, nav }: { children: ReactNode; nav?: ReactNode }) {
  const [sections, breaking] = await Promise.all([getNavigationSections(), getBreakingStories()]);
  return (
    <>
      <SiteHeader nav={nav ?? <SectionNav />} />
      <BreakingBanner stories={breaking} />
      <main id="content" className="container site-main">
        {children}
      </main>
      <SiteFooter sections={sections} />
    </>
  );
}
