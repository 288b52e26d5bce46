import type { ReactNode } from "react";
import { SiteChrome } from "@/components/site/site-chrome";

/** `sectionnav`: the section menu, marked for the page being shown (app/(site)/@sectionnav/). */
export default function SiteLayout({ children, sectionnav }: { children: ReactNode; sectionnav: ReactNode }) {
  return <SiteChrome nav={sectionnav}>{children}</SiteChrome>;
}
