import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { getNavigationSections } from "@/lib/sections/public-queries";
import "./site.css";

/** Masthead, section navigation and footer around a reader page (also the 404 page's). */
export async function SiteChrome({ children }: { children: ReactNode }) {
  const sections = await getNavigationSections();
  return (
    <>
      <SiteHeader sections={sections} />
      <main id="content" className="container site-main">
        {children}
      </main>
      <SiteFooter sections={sections} />
    </>
  );
}
