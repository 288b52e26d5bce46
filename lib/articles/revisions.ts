import "server-only";
// Revisions: immutable snapshots of a story's working copy, numbered per story. Every explicit
// save, submit, return, approval, correction and restore makes one; autosaves are spaced out
// (at most one per person per AUTOSAVE_REVISION_INTERVAL_MS), so a day of typing leaves a
// readable history instead of one snapshot per pause.
import type { DbTransaction } from "@/lib/db/client";
import type { RevisionKind } from "@/lib/generated/prisma/enums";

/** How far apart one person's autosave revisions of one story are kept, at least. */
export const AUTOSAVE_REVISION_INTERVAL_MS = 5 * 60_000;

/** Snapshots the article's working copy as its next numbered revision; returns the revision id. */
export async function snapshotRevision(
  tx: DbTransaction,
  articleId: number,
  kind: RevisionKind,
  actorId: string,
  note?: string,
  createdAt: Date = new Date(),
): Promise<string> {
  const article = await tx.article.findUniqueOrThrow({
    where: { id: articleId },
    include: { tags: { select: { tag: { select: { name: true } } }, orderBy: [{ sortOrder: "asc" }, { tagId: "asc" }] } },
  });
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
      summary: article.summary,
      tagNames: article.tags.map((link) => link.tag.name),
      bodyJson: article.bodyJson ?? { type: "doc", content: [] },
      bodyHtml: article.bodyHtml,
      bodyText: article.bodyText,
      renderVersion: article.renderVersion,
      note,
      createdById: actorId,
      createdAt,
    },
    select: { id: true },
  });
  return revision.id;
}

/**
 * For an autosave: a revision only when this person's latest revision of the story is older than
 * the interval (or there is none); otherwise the autosave stays in the working copy alone.
 * Returns whether a revision was made.
 */
export async function snapshotAutosaveIfDue(tx: DbTransaction, articleId: number, actorId: string, now: Date): Promise<boolean> {
  const latestOwn = await tx.articleRevision.findFirst({
    where: { articleId, createdById: actorId },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  if (latestOwn && now.getTime() - latestOwn.createdAt.getTime() <= AUTOSAVE_REVISION_INTERVAL_MS) return false;
  await snapshotRevision(tx, articleId, "AUTOSAVE", actorId, undefined, now);
  return true;
}
