import "server-only";
import type { DbTransaction } from "@/lib/db/client";
import type { RevisionKind } from "@/lib/generated/prisma/enums";

/** Snapshots the article's working copy as its next numbered revision; returns the revision id. */
export async function snapshotRevision(tx: DbTransaction, articleId: number, kind: RevisionKind, actorId: string, note?: string): Promise<string> {
  const article = await tx.article.findUniqueOrThrow({ where: { id: articleId } });
  const last = await tx.articleRevision.findFirst({ where: { articleId }, orderBy: { number: "desc" }, select: { number: true } });
  const revision = await tx.articleRevision.create({
    data: {
      articleId,
      number: (last?.number ?? 0) + 1,
      kind,
      articleVersion: article.version,
      headline: article.headline,
      subHeadlines: article.subHeadlines,
      sectionId: article.sectionId,
      heroImageId: article.heroImageId,
      heroCaption: article.heroCaption,
      heroCredit: article.heroCredit,
      bodyJson: article.bodyJson ?? { type: "doc", content: [] },
      bodyHtml: article.bodyHtml,
      bodyText: article.bodyText,
      renderVersion: article.renderVersion,
      note,
      createdById: actorId,
    },
    select: { id: true },
  });
  return revision.id;
}
