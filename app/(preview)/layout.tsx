import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteChrome } from "@/components/site/site-chrome";

export const metadata: Metadata = { robots: { index: false, follow: false } };

// The reader site's chrome around a staff-only preview, so the story looks exactly as it will.
export default function PreviewLayout({ children }: { children: ReactNode }) {
  return <SiteChrome>{children}</SiteChrome>;
}
