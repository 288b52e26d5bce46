import "server-only";
// A reporter's own stories, by where they stand: returned by the desk (with its note), drafts,
// at the desk, scheduled, published.
import { articleSummaryOutSelect, toArticleSummaryOut, type ArticleSummaryOut } from "@/lib/articles/article-output";
import { publishedWhere } from "@/lib/articles/public/visibility";
import { assertCan } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface ReporterDashboard {
  returned: ArticleSummaryOut[];
  drafts: ArticleSummaryOut[];
  atDesk: ArticleSummaryOut[];
  scheduled: ArticleSummaryOut[];
  published: ArticleSummaryOut[];
}

const PER_GROUP = 30;

export async function getReporterDashboard(actor: StaffUser, now = new Date()): Promise<ReporterDashboard> {
  assertCan(actor, "article.read", { ownerId: actor.id });
  const own = (where: Prisma.ArticleWhereInput, orderBy: Prisma.ArticleOrderByWithRelationInput) =>
    db.article
      .findMany({ where: { authorId: actor.id, ...where }, orderBy: [orderBy, { id: "desc" }], take: PER_GROUP, select: articleSummaryOutSelect })
      .then((rows) => rows.map((row) => toArticleSummaryOut(row, now)));
  const [returned, drafts, atDesk, scheduled, published] = await Promise.all([
    own({ status: "DRAFT", deskNote: { not: null } }, { updatedAt: "desc" }),
    own({ status: "DRAFT", deskNote: null }, { updatedAt: "desc" }),
    own({ status: "SUBMITTED" }, { submittedAt: "asc" }),
    own({ status: "SCHEDULED", publishedAt: { gt: now } }, { publishedAt: "asc" }),
    own(publishedWhere(now), { publishedAt: "desc" }),
  ]);
  return { returned, drafts, atDesk, scheduled, published };
}
