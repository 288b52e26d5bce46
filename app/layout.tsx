import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { defaultSiteMetadata } from "@/lib/seo/site-metadata";
import "./globals.css";

export const metadata: Metadata = defaultSiteMetadata();

/**
 * `jsonld` is a parallel route (app/@jsonld/): the JSON-LD of the page being shown, rendered
 * into <head> so that every scraper finds it there, next to the metadata (next.config.js makes
 * metadata blocking for every user agent).
 */
export default async function RootLayout({ children, jsonld }: { children: ReactNode; jsonld: ReactNode }) {
  // Every page is rendered per request: proxy.ts gives each render its own CSP nonce, which a
  // prerendered page could not carry (the response cache then swaps it for the scripts' hashes).
  await connection();
  return (
    <html lang="ko">
      <head>{jsonld}</head>
      <body>{children}</body>
    </html>
  );
}
