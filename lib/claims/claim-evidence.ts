import "server-only";
// The evidence snapshot: what readers saw when a claim arrived, copied out of the story's live
// revision (never the working copy) and the comment, with a sha256 over it. The copy stands alone
// (no row it depends on can change it) and the database refuses to change it afterwards
// (trigger "RightsClaimEvidence_unchanged"), so the desk and the 언론중재위원회 see the story as
// it stood, whatever the desk publishes later.
import { createHash } from "node:crypto";
import type { DbTransaction } from "@/lib/db/client";

export interface EvidenceFields {
  articleId: number;
  revisionId: string | null;
  headline: string;
  subHeadlines: string[];
  bodyText: string;
  bodyHtml: string;
  bylines: { name: string; title: string }[];
  approvedAt: Date | null;
  publishedAt: Date | null;
  lastCorrectedAt: Date | null;
  commentId: number | null;
  commentBody: string | null;
  commentAuthor: string | null;
  commentPostedAt: Date | null;
  capturedAt: Date;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/**
 * The sha256 (hex) of the snapshot: its fields in this fixed order as JSON, times in UTC ISO form.
 * Anyone holding the exported bundle can recompute it from the fields it prints.
 */
function evidenceDigest(fields: EvidenceFields): string {
  const canonical = JSON.stringify([
    fields.articleId,
    fields.revisionId,
    fields.headline,
    fields.subHeadlines,
    fields.bodyText,
    fields.bodyHtml,
    fields.bylines.map((person) => [person.name, person.title]),
    iso(fields.approvedAt),
    iso(fields.publishedAt),
    iso(fields.lastCorrectedAt),
    fields.commentId,
    fields.commentBody,
    fields.commentAuthor,
    iso(fields.commentPostedAt),
    iso(fields.capturedAt),
  ]);
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}

/** Reads what readers see of the story (and comment) now and stores it as the claim's evidence. */
export async function captureEvidence(tx: DbTransaction, claimId: number, target: { articleId: number; commentId: number | null }, now: Date): Promise<EvidenceFields> {
  const article = await tx.article.findUniqueOrThrow({
    where: { id: target.articleId },
    select: {
      approvedAt: true,
      publishedAt: true,
      lastCorrectedAt: true,
      liveRevision: {
        select: { id: true, headline: true, subHeadlines: true, bodyText: true, bodyHtml: true, bylines: { orderBy: { position: "asc" }, select: { name: true, title: true } } },
      },
    },
  });
  const live = article.liveRevision;
  if (!live) throw new Error(`story ${target.articleId} has no live revision to take evidence from`);
  const comment = target.commentId
    ? await tx.comment.findUniqueOrThrow({ where: { id: target.commentId }, select: { id: true, body: true, guestName: true, createdAt: true } })
    : null;
  const fields: EvidenceFields = {
    articleId: target.articleId,
    revisionId: live.id,
    headline: live.headline,
    subHeadlines: live.subHeadlines,
    bodyText: live.bodyText,
    bodyHtml: live.bodyHtml,
    bylines: live.bylines,
    approvedAt: article.approvedAt,
    publishedAt: article.publishedAt,
    lastCorrectedAt: article.lastCorrectedAt,
    commentId: comment?.id ?? null,
    commentBody: comment?.body ?? null,
    commentAuthor: comment?.guestName ?? null,
    commentPostedAt: comment?.createdAt ?? null,
    capturedAt: now,
  };
  await tx.rightsClaimEvidence.create({ data: { claimId, ...fields, sha256: evidenceDigest(fields) } });
  return fields;
}

/** Whether a stored snapshot still matches its hash (the export and the desk show this). */
export function evidenceIntact(stored: Omit<EvidenceFields, "bylines"> & { bylines: unknown; sha256: string }): boolean {
  const bylines = Array.isArray(stored.bylines)
    ? stored.bylines.map((person: { name?: unknown; title?: unknown }) => ({ name: String(person?.name ?? ""), title: String(person?.title ?? "") }))
    : [];
  return evidenceDigest({ ...stored, bylines }) === stored.sha256;
}
