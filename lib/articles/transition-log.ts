import "server-only";
// The record of every transition (ArticleTransition): who, when, from and to which state, the
// note. Written only inside the transaction that makes the change, so a change without its record
// (or a record without its change) cannot exist.
import type { DbTransaction } from "@/lib/db/client";
import type { ArticleStatus, CorrectionType, TransitionKind } from "@/lib/generated/prisma/enums";

export interface TransitionRecord {
  articleId: number;
  kind: TransitionKind;
  fromStatus: ArticleStatus;
  toStatus: ArticleStatus;
  actorId: string;
  note?: string | null;
  publishAt?: Date | null;
  correctionType?: CorrectionType | null;
  revisionNumber?: number | null;
  at: Date;
}

export async function recordTransition(tx: DbTransaction, record: TransitionRecord): Promise<void> {
  await tx.articleTransition.create({
    data: {
      articleId: record.articleId,
      kind: record.kind,
      fromStatus: record.fromStatus,
      toStatus: record.toStatus,
      actorId: record.actorId,
      note: record.note || null,
      publishAt: record.publishAt ?? null,
      correctionType: record.correctionType ?? null,
      revisionNumber: record.revisionNumber ?? null,
      createdAt: record.at,
    },
  });
}

export const TRANSITION_KIND_KO: Record<TransitionKind, string> = {
  SUBMIT: "데스크에 넘김",
  RETURN: "돌려보냄",
  PUBLISH: "승인·발행",
  SCHEDULE: "승인·예약 발행",
  RESCHEDULE: "예약 시각 변경",
  CANCEL_SCHEDULE: "예약 취소",
  APPROVE_UPDATE: "수정 승인",
  UNPUBLISH: "게재 중단",
  REPUBLISH: "다시 게재",
};
