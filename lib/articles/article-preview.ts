import "server-only";
// A story's working copy in the shape the public article page renders, for staff to see it
// exactly as readers will (the same components, the same stored HTML), before anyone approves it.
import type { PublicArticle } from "@/lib/articles/public-queries";
import { assertCan } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { mediaUrl } from "@/lib/media/media-url";

export async function getArticlePreview(actor: StaffUser, id: number, now = new Date()): Promise<PublicArticle> {
  const row = await db.article.findUnique({
    where: { id },
    select: {
      id: true,
      authorId: true,
      headline: true,
      subHeadlines: true,
      bodyHtml: true,
      heroCaption: true,
      heroCredit: true,
      approvedAt: true,
      publishedAt: true,
      lastCorrectedAt: true,
      section: { select: { slug: true, name: true } },
      author: { select: { name: true, title: true, bylineEmail: true } },
      heroImage: { select: { storageKey: true, altText: true, width: true, height: true } },
    },
  });
  if (!row) throw notFound("기사를 찾을 수 없습니다.");
  assertCan(actor, "article.read", { ownerId: row.authorId });
  return {
    id: row.id,
    headline: row.headline,
    subHeadlines: row.subHeadlines,
    bodyHtml: row.bodyHtml,
    section: row.section,
    author: row.author,
    // Not approved yet: the byline shows the time it would carry if approved now.
    approvedAt: row.approvedAt ?? now,
    publishedAt: row.publishedAt ?? now,
    lastCorrectedAt: row.lastCorrectedAt,
    hero: row.heroImage
      ? { url: mediaUrl(row.heroImage.storageKey), alt: row.heroImage.altText || row.heroCaption, caption: row.heroCaption, credit: row.heroCredit, width: row.heroImage.width, height: row.heroImage.height }
      : null,
  };
}
