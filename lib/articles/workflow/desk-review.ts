import "server-only";
// What the review screen shows about one story: its state, the transitions the viewer may make
// (from the one rule), and the comparison the desk needs: for a pending update, the live version
// against the working copy; for a story returned and submitted again, what the desk saw when it
// returned it against what came back. Diffs come from the one diff module (lib/articles/revisions/diff.ts).
import { loadArticleSnapshot } from "@/lib/articles/revisions/article-snapshots";
import { diffArticleSnapshots, type FieldDiff } from "@/lib/articles/revisions/diff";
import { storedSubmissionProblems } from "@/lib/articles/workflow/submission-story";
import { availableTransitions, type TransitionVerdict } from "@/lib/articles/workflow/transition-rules";
import { isLive } from "@/lib/articles/public/visibility";
import { assertCan } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import { pollStoryBlackoutsOf } from "@/lib/elections/poll-blackouts";
import { notFound } from "@/lib/errors";

export interface ReviewComparison {
  /** "pending": live vs working copy; "resubmitted": the returned revision vs working copy. */
  kind: "pending" | "resubmitted";
  title: string;
  fields: FieldDiff[];
}

const reviewSelect = {
  id: true,
  authorId: true,
  headline: true,
  status: true,
  version: true,
  publishedAt: true,
  unpublishedAt: true,
  approvedAt: true,
  submittedAt: true,
  lastCorrectedAt: true,
  liveRevisionId: true,
  hasPendingUpdate: true,
  deskNote: true,
  updatedAt: true,
  origin: true,
  originSource: true,
  breakingUntil: true,
  _count: { select: { updateLog: true } },
  author: { select: { id: true, name: true, title: true } },
  section: { select: { id: true, name: true } },
  approvedBy: { select: { name: true } },
} as const;

/** The transitions the viewer may make, the story's state, and the comparison to review. */
export async function getDeskReview(actor: StaffUser, id: number, now = new Date()) {
  const article = await db.article.findUnique({ where: { id }, select: reviewSelect });
  if (!article) throw notFound("기사를 찾을 수 없습니다.");
  assertCan(actor, "article.read", { ownerId: article.authorId });
  const transitions: TransitionVerdict[] = availableTransitions(actor, { ...article, pollStoryBlackouts: await pollStoryBlackoutsOf(db, id, now) }, now);
  // A draft shows what it still lacks before it can go to the desk (the same check as at submit).
  const submissionProblems = article.status === "DRAFT" ? await storedSubmissionProblems(db, id) : [];
  return { article, transitions, comparison: await comparisonFor(article), submissionProblems };
}

async function comparisonFor(article: { id: number; status: string; liveRevisionId: string | null; hasPendingUpdate: boolean } & Parameters<typeof isLive>[0]): Promise<ReviewComparison | null> {
  if (isLive(article) && article.hasPendingUpdate) {
    const [live, current] = await Promise.all([loadArticleSnapshot(db, article.id, "live"), loadArticleSnapshot(db, article.id, "current")]);
    return { kind: "pending", title: "독자가 보는 판과 고친 원고 비교", fields: diffArticleSnapshots(live, current) };
  }
  if (article.status !== "SUBMITTED") return null;
  // Returned and submitted again: compare with what the desk saw when it returned it.
  const lastReturn = await db.articleTransition.findFirst({
    where: { articleId: article.id, kind: "RETURN", revisionNumber: { not: null } },
    orderBy: { createdAt: "desc" },
    select: { revisionNumber: true },
  });
  if (!lastReturn?.revisionNumber) return null;
  const [returned, current] = await Promise.all([loadArticleSnapshot(db, article.id, lastReturn.revisionNumber), loadArticleSnapshot(db, article.id, "current")]);
  return { kind: "resubmitted", title: `돌려보낼 때 데스크가 본 판(${lastReturn.revisionNumber}번)과 다시 넘긴 원고 비교`, fields: diffArticleSnapshots(returned, current) };
}
