import "server-only";
// A story's working copy in the shape the public article page renders, for staff to see it
// exactly as readers will (the same component, the same mapping, the same stored HTML), before
// anyone approves it.
import { bylineSelect, toPublicArticle, type PublicArticle } from "@/lib/articles/public/public-queries";
import { assertCan } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { publicImageSelect } from "@/lib/media/public-image";

const byline = { select: bylineSelect } as const;

export async function getArticlePreview(actor: StaffUser, id: number, now = new Date()): Promise<PublicArticle> {
  const row = await db.article.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      authorId: true,
      headline: true,
      subHeadlines: true,
      bodyHtml: true,
      bodyText: true,
      summary: true,
      heroCaption: true,
      heroAlt: true,
      heroCredit: true,
      origin: true,
      originSource: true,
      approvedAt: true,
      publishedAt: true,
      lastCorrectedAt: true,
      section: { select: { id: true, slug: true, name: true } },
      author: byline,
      coAuthors: { orderBy: { sortOrder: "asc" }, select: { user: byline } },
      tags: { orderBy: [{ sortOrder: "asc" }, { tagId: "asc" }], select: { tag: { select: { slug: true, name: true } } } },
      corrections: { where: { type: { in: ["CORRECTION", "REPLY"] } }, orderBy: { createdAt: "asc" }, select: { type: true, note: true, createdAt: true } },
      heroImage: { select: { id: true, ...publicImageSelect } },
      pollSurvey: true,
    },
  });
  if (!row) throw notFound("기사를 찾을 수 없습니다.");
  assertCan(actor, "article.read", { ownerId: row.authorId });
  // Not approved yet: the byline says so ("승인 전"), never a time nobody approved it at; the byline
  // shown is the one the story would carry if approved now.
  const bylines = [row.author, ...row.coAuthors.map((co) => co.user).filter((user) => user.id !== row.author.id)];
  return { ...toPublicArticle({ ...row, bylines, publishedAt: row.publishedAt ?? now }, row), approvedAt: row.approvedAt };
}
