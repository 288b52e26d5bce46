import "server-only";
// One story in a list (home, section, tag, reporter, search, most read, feeds): always made from
// the live revision readers may see, never from the working copy.
import { articlePath } from "@/lib/articles/public/article-url";
import { previewDescription } from "@/lib/articles/body/preview-text";
import type { Prisma } from "@/lib/generated/prisma/client";
import { publicImageSelect, toPublicImage, type PublicImage } from "@/lib/media/public-image";

export const publicSummarySelect = {
  id: true,
  slug: true,
  publishedAt: true,
  lastCorrectedAt: true,
  liveRevision: {
    select: {
      // The author's byline as the desk approved it (frozen with the revision), not their profile now.
      bylines: { where: { position: 0 }, select: { userId: true, name: true, title: true } },
      headline: true,
      subHeadlines: true,
      bodyText: true,
      summary: true,
      heroCaption: true,
      section: { select: { id: true, slug: true, name: true } },
      heroImage: { select: publicImageSelect },
    },
  },
} satisfies Prisma.ArticleSelect;

export type PublicSummaryRow = Prisma.ArticleGetPayload<{ select: typeof publicSummarySelect }>;

export interface PublicArticleSummary {
  id: number;
  href: string;
  headline: string;
  deck: string | null;
  description: string;
  section: { slug: string; name: string } | null;
  /** As the desk approved it; null only for a live revision without a frozen byline (there is none). */
  author: { id: string; name: string; title: string } | null;
  publishedAt: Date;
  correctedAt: Date | null;
  image: PublicImage | null;
}

export function toPublicSummary(row: PublicSummaryRow): PublicArticleSummary | null {
  const live = row.liveRevision;
  if (!live || !row.publishedAt) return null;
  const author = live.bylines[0];
  return {
    id: row.id,
    href: articlePath(row),
    headline: live.headline,
    deck: live.subHeadlines[0] ?? null,
    description: previewDescription(live),
    section: live.section ? { slug: live.section.slug, name: live.section.name } : null,
    author: author ? { id: author.userId, name: author.name, title: author.title } : null,
    publishedAt: row.publishedAt,
    correctedAt: row.lastCorrectedAt,
    image: live.heroImage ? toPublicImage(live.heroImage, live.heroCaption || live.headline) : null,
  };
}

export function toPublicSummaries(rows: PublicSummaryRow[]): PublicArticleSummary[] {
  return rows.map(toPublicSummary).filter((summary): summary is PublicArticleSummary => summary !== null);
}
