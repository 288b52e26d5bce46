import "server-only";
// Revisions: immutable snapshots of a story's working copy, numbered per story. Every explicit
// save, submit, return, approval, correction and restore makes one; autosaves are spaced out
// (at most one per person per AUTOSAVE_REVISION_INTERVAL_MS), so a day of typing leaves a
// readable history instead of one snapshot per pause.
import { randomUUID } from "node:crypto";
import type { DbTransaction } from "@/lib/db/client";
import type { RevisionKind } from "@/lib/generated/prisma/enums";

/** How far apart one person's autosave revisions of one story are kept, at least. */
export const AUTOSAVE_REVISION_INTERVAL_MS = 5 * 60_000;

/**
 * Snapshots the article's working copy as its next numbered revision; returns the revision id.
 * One INSERT ... SELECT inside the database: the body (often 100 KB or more of JSON, plus its HTML
 * and text) is copied there instead of travelling to the app and back, which would be a large part
 * of a save's time (bench/EDITOR.md). Callers hold the article row locked (their conditional update
 * ran first in the same transaction), so numbers cannot collide.
 */
export async function snapshotRevision(
  tx: DbTransaction,
  articleId: number,
  kind: RevisionKind,
  actorId: string,
  note?: string,
  createdAt: Date = new Date(),
): Promise<string> {
  const id = `r${randomUUID().replaceAll("-", "")}`;
  const inserted = await tx.$executeRaw`
    INSERT INTO "ArticleRevision" (
      "id", "articleId", "number", "kind", "articleVersion", "headline", "subHeadlines", "sectionId", "heroImageId",
      "heroCaption", "heroCredit", "heroAlt", "summary", "tagNames", "bodyJson", "bodyHtml", "bodyText", "renderVersion", "origin", "originSource", "pollSurvey", "note", "createdById", "createdAt"
    )
    SELECT ${id}, a."id",
      COALESCE((SELECT MAX(r."number") FROM "ArticleRevision" r WHERE r."articleId" = a."id"), 0) + 1,
      CAST(${kind} AS "RevisionKind"), a."version", a."headline", a."subHeadlines", a."sectionId", a."heroImageId",
      a."heroCaption", a."heroCredit", a."heroAlt", a."summary",
      ARRAY(SELECT t."name" FROM "ArticleTag" at JOIN "Tag" t ON t."id" = at."tagId" WHERE at."articleId" = a."id" ORDER BY at."sortOrder", at."tagId"),
      a."bodyJson", a."bodyHtml", a."bodyText", a."renderVersion", a."origin", a."originSource", a."pollSurvey", ${note ?? null}, ${actorId}, ${createdAt}
    FROM "Article" a
    WHERE a."id" = ${articleId}`;
  if (inserted !== 1) throw new Error(`snapshotRevision: article ${articleId} not found`);
  return id;
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
