import "server-only";
// The site's own link-preview and JSON-LD pieces: defaults for every page, the publisher, and
// the home page's WebSite with its search box (SearchAction).
import type { Metadata } from "next";
import { absoluteUrl, siteDescription, siteName, siteUrl } from "@/lib/config/site";
import { OG_HEIGHT, OG_WIDTH, SITE_OG_IMAGE_PATH } from "@/lib/seo/og-image";

const PUBLISHER_LOGO = { path: "/publisher-logo.png", width: 512, height: 512 };

export function defaultSiteMetadata(): Metadata {
  const image = { url: absoluteUrl(SITE_OG_IMAGE_PATH), width: OG_WIDTH, height: OG_HEIGHT, alt: siteName };
  return {
    metadataBase: new URL(`${siteUrl}/`),
    title: { default: siteName, template: `${siteName} - %s` },
    description: siteDescription,
    applicationName: siteName,
    openGraph: { type: "website", siteName, locale: "ko_KR", title: siteName, description: siteDescription, url: absoluteUrl("/"), images: [image] },
    twitter: { card: "summary_large_image", title: siteName, description: siteDescription, images: [image.url] },
    alternates: { types: { "application/rss+xml": [{ url: absoluteUrl("/feed.xml"), title: `${siteName} 최신기사` }] } },
    formatDetection: { telephone: false },
  };
}

/** Metadata of a page answered 404 (or 410): its own title, kept out of search indexes. */
export function notFoundMetadata(title = "페이지를 찾을 수 없습니다"): Metadata {
  return { title, robots: { index: false } };
}

/** Metadata of a list page (section, tag, reporter, search): its own title and canonical link. */
export function listPageMetadata(title: string, path: string, description?: string): Metadata {
  const url = absoluteUrl(path);
  return {
    title,
    description: description ?? `${siteName} ${title}`,
    alternates: { canonical: url },
    openGraph: { type: "website", siteName, locale: "ko_KR", title: `${siteName} - ${title}`, url, images: [{ url: absoluteUrl(SITE_OG_IMAGE_PATH), width: OG_WIDTH, height: OG_HEIGHT, alt: siteName }] },
  };
}

export function publisherJsonLd(): Record<string, unknown> {
  return {
    "@type": "NewsMediaOrganization",
    name: siteName,
    url: absoluteUrl("/"),
    logo: { "@type": "ImageObject", url: absoluteUrl(PUBLISHER_LOGO.path), width: PUBLISHER_LOGO.width, height: PUBLISHER_LOGO.height },
  };
}

export function websiteJsonLd(): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": "WebSite",
    name: siteName,
    url: absoluteUrl("/"),
    inLanguage: "ko-KR",
    publisher: publisherJsonLd(),
    potentialAction: {
      "@type": "SearchAction",
      target: { "@type": "EntryPoint", urlTemplate: `${absoluteUrl("/search")}?q={search_term_string}` },
      "query-input": "required name=search_term_string",
    },
  };
}

/** JSON for a <script type="application/ld+json">: "<" escaped so no text can close the tag. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
