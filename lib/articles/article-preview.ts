import "server-only";
// A story's working copy in the shape the public article page renders, for staff to see it
// exactly as readers will (the same components, the same stored HTML), before anyone approves it.
import { articlePath } from "@/lib/articles/article-url";
import { previewDescription } from "@/lib/articles/preview-text";
import type { PublicArticle } from "@/lib/articles/public-queries";
import { assertCan } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { publicImageSelect, toPublicImage } from "@/lib/media/public-image";

const bylineSelect = { id: true, name: true, title: true, bylineEmail: true } as const;

export async function getArticlePreview(actor: StaffUser, id: number, now = new Date()): Promise<PublicArticle> {
  const row = await db.article.findUnique({
    where: { id },
    select: {
      id: true,
      authorId: true,
      headline: true,
      subHeadlines: true,
      summary: true,
      bodyHtml: true,
      bodyText: true,
      heroCaption: true,
      heroCredit: true,
      approvedAt: true,
      publishedAt: true,
      lastCorrectedAt: true,
      section: { select: { id: true, slug: true, name: true } },
      author: { select: bylineSelect },
      coAuthors: { orderBy: { sortOrder: "asc" }, select: { user: { select: bylineSelect } } },
      tags: { orderBy: [{ sortOrder: "asc" }, { tagId: "asc" }], select: { tag: { select: { slug: true, name: true } } } },
      heroImage: { select: { id: true, ...publicImageSelect } },
    },
  });
  if (!row) throw notFound("기사를 찾을 수 없습니다.");
  assertCan(actor, "article.read", { ownerId: row.authorId });
  return {
    id: row.id,
    path: articlePath(row.id, row.headline),
    headline: row.headline,
    subHeadlines: row.subHeadlines,
    bodyHtml: row.bodyHtml,
    bodyText: row.bodyText,
    description: previewDescription(row),
    section: row.section,
    bylines: [row.author, ...row.coAuthors.map((co) => co.user).filter((user) => user.id !== row.author.id)],
    author: row.author,
    tags: row.tags.map((link) => link.tag),
    // Not approved yet: the byline shows the time it would carry if approved now.
    approvedAt: row.approvedAt ?? now,
    publishedAt: row.publishedAt ?? now,
    lastCorrectedAt: row.lastCorrectedAt,
    hero: row.heroImage
      ? { ...toPublicImage(row.heroImage, row.heroCaption || row.headline), mediaId: row.heroImage.id, caption: row.heroCaption, credit: row.heroCredit }
      : null,
  };
}
