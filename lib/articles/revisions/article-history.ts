import "server-only";
// A story's whole history on one list: every transition (who moved it, from and to which state,
// the note) and every revision that no transition made (saves, autosaves, restores), newest
// first. Changes made by anyone but the story's reporter are marked as the desk's, so a reporter
// and the desk both see what the desk changed before approving.
import { TRANSITION_KIND_KO } from "@/lib/articles/workflow/transition-log";
import { assertCan } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { ArticleStatus, CorrectionType, RevisionKind, TransitionKind } from "@/lib/generated/prisma/enums";

const REVISION_KIND_KO: Record<RevisionKind, string> = {
  AUTOSAVE: "자동 저장",
  SAVE: "저장",
  SUBMIT: "데스크에 넘긴 판",
  RETURN: "돌려보낸 판",
  APPROVE: "승인된 판",
  CORRECTION: "수정 승인된 판",
  RESTORE: "옛 판 되살림",
};

const CORRECTION_TYPE_KO: Record<CorrectionType, string> = { UPDATE: "수정", CORRECTION: "정정", REPLY: "반론" };

interface HistoryEntryBase {
  at: string;
  by: { id: string; name: string; title: string };
  /** Made by someone other than the story's reporter: the desk. */
  byDesk: boolean;
  note: string | null;
  label: string;
}

export type HistoryEntryOut =
  | (HistoryEntryBase & {
      type: "transition";
      kind: TransitionKind;
      fromStatus: ArticleStatus;
      toStatus: ArticleStatus;
      publishAt: string | null;
      correctionType: CorrectionType | null;
      /** The revision taken with the transition (what was submitted, returned or approved). */
      revisionNumber: number | null;
    })
  | (HistoryEntryBase & { type: "revision"; kind: RevisionKind; revisionNumber: number });

const MAX_ENTRIES = 500;
const person = { select: { id: true, name: true, title: true } } as const;

/** The story's history, newest first. */
export async function getArticleHistory(actor: StaffUser, articleId: number): Promise<HistoryEntryOut[]> {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { authorId: true } });
  if (!article) throw notFound("기사를 찾을 수 없습니다.");
  assertCan(actor, "article.read", { ownerId: article.authorId });
  const [transitions, revisions] = await Promise.all([
    db.articleTransition.findMany({ where: { articleId }, orderBy: { createdAt: "desc" }, take: MAX_ENTRIES, include: { actor: person } }),
    db.articleRevision.findMany({
      where: { articleId },
      orderBy: { number: "desc" },
      take: MAX_ENTRIES,
      select: { number: true, kind: true, note: true, createdAt: true, createdBy: person },
    }),
  ]);
  const told = new Set(transitions.map((transition) => transition.revisionNumber).filter((number) => number !== null));
  const byDesk = (userId: string) => userId !== article.authorId;
  const entries: HistoryEntryOut[] = [
    ...transitions.map(
      (transition): HistoryEntryOut => ({
        type: "transition",
        kind: transition.kind,
        label: transition.correctionType ? `${TRANSITION_KIND_KO[transition.kind]} (${CORRECTION_TYPE_KO[transition.correctionType]})` : TRANSITION_KIND_KO[transition.kind],
        at: transition.createdAt.toISOString(),
        by: transition.actor,
        byDesk: byDesk(transition.actorId),
        note: transition.note,
        fromStatus: transition.fromStatus,
        toStatus: transition.toStatus,
        publishAt: transition.publishAt?.toISOString() ?? null,
        correctionType: transition.correctionType,
        revisionNumber: transition.revisionNumber,
      }),
    ),
    // A revision a transition took is told by that transition.
    ...revisions
      .filter((revision) => !told.has(revision.number))
      .map(
        (revision): HistoryEntryOut => ({
          type: "revision",
          kind: revision.kind,
          label: `${revision.number}번 판: ${REVISION_KIND_KO[revision.kind]}`,
          at: revision.createdAt.toISOString(),
          by: revision.createdBy,
          byDesk: byDesk(revision.createdBy.id),
          note: revision.note,
          revisionNumber: revision.number,
        }),
      ),
  ];
  // Newest first; at the same instant a transition comes after the save that led to it.
  return entries.sort((a, b) => b.at.localeCompare(a.at) || (a.type === b.type ? 0 : a.type === "transition" ? -1 : 1)).slice(0, MAX_ENTRIES);
}
