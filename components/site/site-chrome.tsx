import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { SectionNav } from "@/components/site/section-nav";
import { getNavigationSections } from "@/lib/sections/public-queries";
import "./site.css";

/**
 * Masthead, section navigation and footer around a reader page (also the 404 page's). `nav`:
 * the section menu with the reader's place marked (the (site) layout's @sectionnav slot); by
 * default nothing is marked.
 */
export async function SiteChrome({ children, nav }: { children: ReactNode; nav?: ReactNode }) {
  const sections = await getNavigationSections();
  return (
    <>
      <SiteHeader nav={nav ?? <SectionNav />} />
      <main id="content" className="container site-main">
        {children}
      </main>
      <SiteFooter sections={sections} />
    </>
  );
}
