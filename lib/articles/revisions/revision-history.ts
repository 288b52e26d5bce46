import "server-only";
// A story's history for the editor: the list of revisions, one revision's content, a readable
// diff between any two states, and restoring an old revision as a new save (nothing deleted).
import { articleContentSchema, diffQuerySchema, restoreRevisionSchema, type SnapshotRef } from "@/lib/articles/article-input-schema";
import type { ArticleContentOut, ArticleOut } from "@/lib/articles/article-output";
import { loadArticleSnapshot } from "@/lib/articles/revisions/article-snapshots";
import type { ArticleBody } from "@/lib/articles/body/body-schema";
import { diffArticleSnapshots, type FieldDiff } from "@/lib/articles/revisions/diff";
import { loadEditableArticle, writeWorkingCopy } from "@/lib/articles/editor/working-copy";
import { assertCan } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import { storedPollSurvey } from "@/lib/elections/stored-poll-survey";
import { invalid, notFound } from "@/lib/errors";
import type { RevisionKind } from "@/lib/generated/prisma/enums";
import { parseInput } from "@/lib/validation";

export interface RevisionSummaryOut {
  number: number;
  kind: RevisionKind;
  articleVersion: number;
  createdAt: string;
  createdBy: { id: string; name: string };
  note: string | null;
}

/** One revision: its list entry and the content it saved, spelled as the working copy's. */
export type RevisionOut = RevisionSummaryOut & ArticleContentOut;

const MAX_LISTED_REVISIONS = 500;

async function assertMayRead(actor: StaffUser, articleId: number): Promise<void> {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { authorId: true } });
  if (!article) throw notFound("기사를 찾을 수 없습니다.");
  assertCan(actor, "article.read", { ownerId: article.authorId });
}

/** The story's revisions, newest first. */
export async function listRevisions(actor: StaffUser, articleId: number): Promise<RevisionSummaryOut[]> {
  await assertMayRead(actor, articleId);
  const revisions = await db.articleRevision.findMany({
    where: { articleId },
    orderBy: { number: "desc" },
    take: MAX_LISTED_REVISIONS,
    select: { number: true, kind: true, articleVersion: true, createdAt: true, note: true, createdBy: { select: { id: true, name: true } } },
  });
  return revisions.map((revision) => ({ ...revision, createdAt: revision.createdAt.toISOString() }));
}

export async function getRevision(actor: StaffUser, articleId: number, number: number): Promise<RevisionOut> {
  await assertMayRead(actor, articleId);
  const revision = await db.articleRevision.findUnique({
    where: { articleId_number: { articleId, number } },
    include: { createdBy: { select: { id: true, name: true } } },
  });
  if (!revision) throw notFound(`${number}번 판을 찾을 수 없습니다.`);
  return {
    number: revision.number,
    kind: revision.kind,
    articleVersion: revision.articleVersion,
    createdAt: revision.createdAt.toISOString(),
    createdBy: revision.createdBy,
    note: revision.note,
    headline: revision.headline,
    subHeadlines: revision.subHeadlines,
    sectionId: revision.sectionId,
    summary: revision.summary,
    tags: revision.tagNames ?? [],
    heroImageId: revision.heroImageId,
    heroCaption: revision.heroCaption,
    heroCredit: revision.heroCredit,
    origin: revision.origin,
    originSource: revision.originSource,
    heroAlt: revision.heroAlt,
    pollSurvey: storedPollSurvey(revision.pollSurvey),
    // Stored only after passing the body schema.
    body: revision.bodyJson as ArticleBody,
  };
}

export interface ArticleDiffOut {
  from: SnapshotRef;
  to: SnapshotRef;
  fields: FieldDiff[];
}

/** What changed between two states of the story (`from`/`to`: a revision number, "current" or "live"). */
export async function diffArticle(actor: StaffUser, articleId: number, input: unknown): Promise<ArticleDiffOut> {
  const { from, to } = parseInput(diffQuerySchema, input);
  await assertMayRead(actor, articleId);
  const [before, after] = await Promise.all([loadArticleSnapshot(db, articleId, from), loadArticleSnapshot(db, articleId, to)]);
  return { from, to, fields: diffArticleSnapshots(before, after) };
}

/**
 * Brings revision `number`'s content back into the working copy, as a save by the actor (same
 * permission, status and version rules) recorded as a RESTORE revision naming the number.
 */
export async function restoreRevision(actor: StaffUser, articleId: number, number: number, input: unknown, now = new Date()): Promise<ArticleOut> {
  const { version } = parseInput(restoreRevisionSchema, input);
  const article = await loadEditableArticle(actor, articleId);
  const revision = await db.articleRevision.findUnique({ where: { articleId_number: { articleId, number } } });
  if (!revision) throw notFound(`${number}번 판을 찾을 수 없습니다.`);
  // Checked again against today's rules: the body schema may have grown stricter since.
  const parsed = articleContentSchema.safeParse({
    headline: revision.headline,
    subHeadlines: revision.subHeadlines,
    sectionId: revision.sectionId,
    summary: revision.summary,
    tags: revision.tagNames ?? [],
    heroImageId: revision.heroImageId,
    heroCaption: revision.heroCaption,
    heroCredit: revision.heroCredit,
    origin: revision.origin,
    originSource: revision.originSource,
    heroAlt: revision.heroAlt,
    body: revision.bodyJson,
    pollSurvey: revision.pollSurvey ?? null,
  });
  if (!parsed.success) throw invalid(`${number}번 판은 지금의 기사 형식에 맞지 않아 되살릴 수 없습니다: ${parsed.error.issues[0]?.message ?? ""}`);
  return writeWorkingCopy({
    actor,
    article,
    version,
    patch: parsed.data,
    revision: { kind: "RESTORE", note: `${number}번 판을 되살림` },
    event: { type: "article.restored", articleId, actorId: actor.id, revisionNumber: number },
    now,
  });
}
