import type { Metadata } from "next";
import { NotFoundNotice } from "@/components/site/not-found-notice";
import { SiteChrome } from "@/components/site/site-chrome";

export const metadata: Metadata = { title: "페이지를 찾을 수 없습니다", robots: { index: false } };

// Addresses no route matches: nothing but the root layout is around this, so it brings the
// site's chrome itself. (notFound() in a reader page uses app/(site)/not-found.tsx instead.)
export default function NotFound() {
  return (
    <SiteChrome>
      <NotFoundNotice />
    </SiteChrome>
  );
}
