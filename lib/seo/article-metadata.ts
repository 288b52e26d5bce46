import "server-only";
// What link previews and search engines read about a story: <title>, canonical link, OpenGraph,
// Twitter card (Next.js metadata), and JSON-LD NewsArticle. Built from the same PublicArticle the
// page shows, so they always describe the live revision.
import type { Metadata } from "next";
import type { PublicArticle } from "@/lib/articles/public/public-queries";
import { absoluteUrl, siteName } from "@/lib/config/site";
import { toKstIso } from "@/lib/format/korean-time";
import { reporterPath } from "@/lib/reporters/reporter-url";
import { articleOgImagePath, OG_HEIGHT, OG_WIDTH } from "@/lib/seo/og-image";
import { publisherJsonLd } from "@/lib/seo/site-metadata";

function modifiedAt(article: PublicArticle): Date {
  return article.lastCorrectedAt ?? article.publishedAt;
}

export function articleMetadata(article: PublicArticle): Metadata {
  const url = absoluteUrl(article.path);
  const image = { url: absoluteUrl(articleOgImagePath(article.id, article.hero?.mediaId ?? null)), width: OG_WIDTH, height: OG_HEIGHT, alt: article.hero?.alt ?? article.headline };
  return {
    title: article.headline,
    description: article.description,
    alternates: { canonical: url },
    authors: article.bylines.map((person) => ({ name: `${person.name} ${person.title}`, url: absoluteUrl(reporterPath(person)) })),
    openGraph: {
      type: "article",
      url,
      siteName,
      locale: "ko_KR",
      title: article.headline,
      description: article.description,
      publishedTime: toKstIso(article.publishedAt),
      modifiedTime: toKstIso(modifiedAt(article)),
      section: article.section?.name,
      authors: article.bylines.map((person) => absoluteUrl(reporterPath(person))),
      tags: article.tags.map((tag) => tag.name),
      images: [image],
    },
    twitter: { card: "summary_large_image", title: article.headline, description: article.description, images: [image.url] },
  };
}

/**
 * Where the story comes from, in the schema.org fields that fit: wire copy and a provided story
 * were written for another organisation (`sourceOrganization`, "the Organization on whose behalf
 * the creator was working"); a press release is the work the story is based on (`isBasedOn`).
 */
function originJsonLd(origin: PublicArticle["origin"]): Record<string, unknown> {
  if (!origin?.source) return {};
  const organization = { "@type": "Organization", name: origin.source };
  if (origin.kind === "WIRE" || origin.kind === "EXTERNAL") return { sourceOrganization: organization };
  if (origin.kind === "PRESS_RELEASE") return { isBasedOn: { "@type": "CreativeWork", name: `${origin.source} 보도자료`, author: organization } };
  return {};
}

/** JSON-LD NewsArticle (schema.org) of a story. */
export function articleJsonLd(article: PublicArticle): Record<string, unknown> {
  const url = absoluteUrl(article.path);
  const images = [absoluteUrl(articleOgImagePath(article.id, article.hero?.mediaId ?? null))];
  if (article.hero) images.push(absoluteUrl(article.hero.widest.src));
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    url,
    headline: article.headline.length > 110 ? `${article.headline.slice(0, 109)}…` : article.headline,
    description: article.description,
    image: images,
    datePublished: toKstIso(article.publishedAt),
    dateModified: toKstIso(modifiedAt(article)),
    inLanguage: "ko-KR",
    ...(article.section ? { articleSection: article.section.name } : {}),
    ...(article.tags.length ? { keywords: article.tags.map((tag) => tag.name).join(", ") } : {}),
    author: article.bylines.map((person) => ({
      "@type": "Person",
      name: person.name,
      jobTitle: person.title,
      url: absoluteUrl(reporterPath(person)),
    })),
    publisher: publisherJsonLd(),
    ...originJsonLd(article.origin),
  };
}
