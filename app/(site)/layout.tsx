import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { getNavigationSections } from "@/lib/sections/public-queries";

export default async function SiteLayout({ children }: { children: ReactNode }) {
  const sections = await getNavigationSections();
  return (
    <>
      <SiteHeader sections={sections} />
      <main className="container">{children}</main>
      <SiteFooter />
    </>
  );
}
