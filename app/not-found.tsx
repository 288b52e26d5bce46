import type { Metadata } from "next";
import { NotFoundNotice } from "@/components/site/not-found-notice";
import { SiteChrome } from "@/components/site/site-chrome";
import { notFoundMetadata } from "@/lib/seo/site-metadata";

export const metadata: Metadata = notFoundMetadata();

// Addresses no route matches: nothing but the root layout is around this, so it brings the
// site's chrome itself. (Reader pages render their own notice: components/site/not-found-page.tsx.)
export default function NotFound() {
  return (
    <SiteChrome>
      <NotFoundNotice />
    </SiteChrome>
  );
}
