import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { getNavigationSections } from "@/lib/sections/public-queries";

export const metadata: Metadata = { robots: { index: false, follow: false } };

// The reader site's chrome around a staff-only preview, so the story looks exactly as it will.
export default async function PreviewLayout({ children }: { children: ReactNode }) {
  const sections = await getNavigationSections();
  return (
    <>
      <SiteHeader sections={sections} />
      <main className="container">{children}</main>
      <SiteFooter />
    </>
  );
}
