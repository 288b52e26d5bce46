// First, as in the root layout: the site's own styles (site-chrome's) come after the base ones.
import "./globals.css";
import type { Metadata } from "next";
import { connection } from "next/server";
import { NotFoundNotice } from "@/components/site/not-found-notice";
import { SiteChrome } from "@/components/site/site-chrome";
import { notFoundMetadata } from "@/lib/seo/site-metadata";

export const metadata: Metadata = notFoundMetadata();

// Addresses no route matches, answered at the routing level with the site's chrome. As the root
// not-found.tsx this page was sent inside every page's RSC payload (Next.js ships each
// not-found with every route under its segment) and rendered with each of them: the whole
// header, menu and footer a second time per render.
export default async function GlobalNotFound() {
  // Per request, like every page: proxy.ts gives each render its own CSP nonce.
  await connection();
  return (
    <html lang="ko">
      <body>
        <SiteChrome>
          <NotFoundNotice />
        </SiteChrome>
      </body>
    </html>
  );
}
