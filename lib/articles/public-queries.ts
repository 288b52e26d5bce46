import "server-only";
import { db } from "@/lib/db";
import { publiclyVisibleWhere } from "@/lib/articles/visibility";
import { mediaUrl } from "@/lib/media/media-url";
import { cacheTag, tagResponse } from "@/lib/cache/cache-tags";

const heroImageSelect = { select: { storageKey: true, altText: true, width: true, height: true } } as const;

// Readers always see the live (approved) revision, never the working copy.
const liveSummarySelect = {
  id: true,
  publishedAt: true,
  approvedAt: true,
  author: { select: { name: true, title: true } },
  liveRevision: {
    select: {
      headline: true,
      subHeadlines: true,
      bodyText: true,
      heroCaption: true,
      section: { select: { slug: true, name: true } },
      heroImage: heroImageSelect,
    },
  },
} as const;

export interface PublicArticleSummary {
  id: number;
  headline: string;
  subHeadline: string | null;
  excerpt: string;
  sectionName: string | null;
  authorName: string;
  authorTitle: string;
  publishedAt: Date;
  image: { url: string; alt: string } | null;
}

/** The newest stories readers may see, newest first; only one section's when `sectionSlug` is given. */
export async function getLatestPublicArticles(limit = 20, now = new Date(), sectionSlug?: string): Promise<PublicArticleSummary[]> {
  tagResponse(cacheTag.latest);
  const rows = await db.article.findMany({
    // The live revision decides the section readers see.
    where: { ...publiclyVisibleWhere(now), ...(sectionSlug ? { liveRevision: { section: { slug: sectionSlug } } } : {}) },
    orderBy: { publishedAt: "desc" },
    take: limit,
    select: liveSummarySelect,
  });
  return rows.flatMap((row) => {
    const live = row.liveRevision;
    if (!live || !row.publishedAt) return [];
    return [
      {
        id: row.id,
        headline: live.headline,
        subHeadline: live.subHeadlines[0] ?? null,
        excerpt: live.bodyText.slice(0, 140),
        sectionName: live.section?.name ?? null,
        authorName: row.author.name,
        authorTitle: row.author.title,
        publishedAt: row.publishedAt,
        image: live.heroImage ? { url: mediaUrl(live.heroImage.storageKey), alt: live.heroImage.altText || live.heroCaption } : null,
      },
    ];
  });
}

export interface PublicArticle {
  id: number;
  headline: string;
  subHeadlines: string[];
  bodyHtml: string;
  section: { slug: string; name: string } | null;
  author: { name: string; title: string; bylineEmail: string | null };
  approvedAt: Date;
  publishedAt: Date;
  lastCorrectedAt: Date | null;
  hero: { url: string; alt: string; caption: string; credit: string; width: number; height: number } | null;
}

/** One story as readers see it, or null when it does not exist or is not (yet) public. */
export async function getPublicArticle(id: number, now = new Date()): Promise<PublicArticle | null> {
  tagResponse(cacheTag.story(id));
  const row = await db.article.findFirst({
    where: { id, ...publiclyVisibleWhere(now) },
    select: {
      id: true,
      approvedAt: true,
      publishedAt: true,
      lastCorrectedAt: true,
      author: { select: { name: true, title: true, bylineEmail: true } },
      liveRevision: {
        select: {
          headline: true,
          subHeadlines: true,
          bodyHtml: true,
          heroCaption: true,
          heroCredit: true,
          section: { select: { slug: true, name: true } },
          heroImage: heroImageSelect,
        },
      },
    },
  });
  const live = row?.liveRevision;
  if (!row || !live || !row.publishedAt) return null;
  return {
    id: row.id,
    headline: live.headline,
    subHeadlines: live.subHeadlines,
    bodyHtml: live.bodyHtml,
    section: live.section,
    author: row.author,
    approvedAt: row.approvedAt ?? row.publishedAt,
    publishedAt: row.publishedAt,
    lastCorrectedAt: row.lastCorrectedAt,
    hero: live.heroImage
      ? {
          url: mediaUrl(live.heroImage.storageKey),
          alt: live.heroImage.altText || live.heroCaption,
          caption: live.heroCaption,
          credit: live.heroCredit,
          width: live.heroImage.width,
          height: live.heroImage.height,
        }
      : null,
  };
}
