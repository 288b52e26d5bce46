import type { ReactNode } from "react";
import { BreakingBanner } from "@/components/site/breaking-banner";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { getBreakingStories } from "@/lib/breaking/breaking-now";
import { getNavigationSections } from "@/lib/sections/public-queries";
import "./site.css";

/** Masthead, section navigation, the 속보 banner (while one runs) and footer around a reader page (also the 404 page's). */
export async function SiteChrome({ children }: { children: ReactNode }) {
  const [sections, breaking] = await Promise.all([getNavigationSections(), getBreakingStories()]);
  return (
    <>
      <SiteHeader sections={sections} />
      <BreakingBanner stories={breaking} />
      <main id="content" className="container site-main">
        {children}
      </main>
      <SiteFooter sections={sections} />
    </>
  );
}
