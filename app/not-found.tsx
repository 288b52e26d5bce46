import type { Metadata } from "next";
import { NotFoundNotice } from "@/components/site/not-found-notice";
import { notFoundMetadata } from "@/lib/seo/site-metadata";

export const metadata: Metadata = notFoundMetadata();

// A notFound() thrown outside the reader pages and the newsroom, which have their own. Kept
// small: Next.js sends it with every page of the site (addresses no route matches get
// app/global-not-found.tsx, with the site's chrome).
export default function NotFound() {
  return (
    <main id="content" className="container site-main">
      <NotFoundNotice />
    </main>
  );
}
