import type { Metadata } from "next";
import { NotFoundNotice } from "@/components/site/not-found-notice";
import { notFoundMetadata } from "@/lib/seo/site-metadata";

export const metadata: Metadata = notFoundMetadata();

// A notFound() from outside the reader site (the newsroom's pages, the sitemaps): the notice
// alone. Next.js puts this element into every page's RSC payload, so it stays small and queries
// nothing; readers' unknown addresses get the chrome from app/(site)/[...missing]/page.tsx.
export default function NotFound() {
  return (
    <main id="content" className="container site-main">
      <NotFoundNotice />
    </main>
  );
}
