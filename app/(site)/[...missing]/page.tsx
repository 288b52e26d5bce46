import type { Metadata } from "next";
import { notFoundPage } from "@/components/site/not-found-page";
import { notFoundMetadata } from "@/lib/seo/site-metadata";

export const metadata: Metadata = notFoundMetadata();

/**
 * Addresses no other route matches: the reader 404 inside the (site) layout's chrome, like a
 * missing story's. Here rather than in app/not-found.tsx because Next.js serializes the root
 * not-found element into every page's RSC payload: with the chrome in it, each reader page
 * carried a second header, menu, footer and their CSS that no reader ever sees.
 */
export default function MissingPage() {
  return notFoundPage();
}
