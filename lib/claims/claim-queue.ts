import "server-only";
// What the desk reads: the queue of claims with their clocks, the overdue ones for every editor's
// and admin's dashboard, one claim with its evidence and history, an attachment, and the accepted
// claims a story's correction will answer (shown where the desk approves it).
import { assertCan, canForAnyRecord } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { readClock, type ClockReading } from "@/lib/claims/claim-deadlines";
import { evidenceIntact } from "@/lib/claims/claim-evidence";
import { availableDeskActions, awaitsAnswer, awaitsPublication, type DeskAction } from "@/lib/claims/claim-rules";
import { claimIdFromReceipt, receiptNumberOf } from "@/lib/claims/receipt-number";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimKind, ClaimStatus } from "@/lib/generated/prisma/enums";
import { searchTermSchema } from "@/lib/schemas/common";
import { parseInput } from "@/lib/validation";

export interface ClaimClock {
  /** reply: 제15조 제2항's answer; publication: 제15조 제3항's publication. */
  which: "reply" | "publication";
  due: Date;
  reading: ClockReading;
}

export interface QueueRow {
  id: number;
  receiptNumber: string;
  kind: ClaimKind;
  status: ClaimStatus;
  story: { id: number; headline: string } | null;
  storyReference: string | null;
  onComment: boolean;
  claimantName: string | null;
  receivedAt: Date;
  closedAt: Date | null;
  /** The clock that runs now, if any. */
  clock: ClaimClock | null;
  labelShown: boolean;
  closedComments: boolean;
}

const queueSelect = {
  id: true,
  kind: true,
  status: true,
  articleId: true,
  commentId: true,
  storyReference: true,
  claimantName: true,
  receivedAt: true,
  replyDueAt: true,
  publishDueAt: true,
  closedAt: true,
  labelShown: true,
  closedComments: true,
  evidence: { select: { headline: true } },
  article: { select: { id: true, headline: true } },
} as const satisfies Prisma.RightsClaimSelect;

type QueueClaim = Prisma.RightsClaimGetPayload<{ select: typeof queueSelect }>;

/** The clock of a claim at `now`: the reply clock until answered, then the publication clock until published. */
function runningClock(claim: { kind: ClaimKind; status: ClaimStatus; replyDueAt: Date; publishDueAt: Date | null }, now: Date): ClaimClock | null {
  if (awaitsAnswer(claim.status)) return { which: "reply", due: claim.replyDueAt, reading: readClock(claim.replyDueAt, now) };
  if (awaitsPublication(claim) && claim.publishDueAt) return { which: "publication", due: claim.publishDueAt, reading: readClock(claim.publishDueAt, now) };
  return null;
}

function toRow(claim: QueueClaim, now: Date): QueueRow {
  return {
    id: claim.id,
    receiptNumber: receiptNumberOf(claim),
    kind: claim.kind,
    status: claim.status,
    // The headline readers saw when the claim came (the evidence), else the story's current one.
    story: claim.article ? { id: claim.article.id, headline: claim.evidence?.headline ?? claim.article.headline } : null,
    storyReference: claim.storyReference,
    onComment: claim.commentId !== null,
    claimantName: claim.claimantName,
    receivedAt: claim.receivedAt,
    closedAt: claim.closedAt,
    clock: runningClock(claim, now),
    labelShown: claim.labelShown,
    closedComments: claim.closedComments,
  };
}

export type QueueFilter = "open" | "closed" | "all";

/** Open claims first, the nearest (or most overdue) clock first; closed ones newest first. */
export async function listClaimQueue(actor: StaffUser, options: { filter?: QueueFilter; q?: string } = {}, now = new Date()): Promise<QueueRow[]> {
  assertCan(actor, "claim.read");
  const filter = options.filter ?? "open";
  const q = parseInput(searchTermSchema, options.q || undefined);
  const receipt = q ? claimIdFromReceipt(q) : null;
  const where: Prisma.RightsClaimWhereInput = {
    ...(filter === "open" ? { closedAt: null } : filter === "closed" ? { closedAt: { not: null } } : {}),
    ...(q ? (receipt ? { id: receipt } : { OR: [{ claimantName: { contains: q } }, { article: { headline: { contains: q } } }] }) : {}),
  };
  const claims = await db.rightsClaim.findMany({ where, select: queueSelect, orderBy: { receivedAt: "desc" }, take: 200 });
  const rows = claims.map((claim) => toRow(claim, now));
  const dueOf = (row: QueueRow) => row.clock?.due.getTime() ?? Number.POSITIVE_INFINITY;
  return rows.sort((a, b) => (a.closedAt === null) !== (b.closedAt === null) ? (a.closedAt === null ? -1 : 1) : dueOf(a) - dueOf(b));
}

/** Claims whose running clock has passed: red in the queue and on every editor's and admin's dashboard. */
export async function listOverdueClaims(actor: StaffUser, now = new Date()): Promise<QueueRow[]> {
  if (!canForAnyRecord(actor, "claim.read")) return [];
  const claims = await db.rightsClaim.findMany({
    where: {
      OR: [
        { status: { in: ["RECEIVED", "INFO_REQUESTED"] }, replyDueAt: { lt: now } },
        { status: "ACCEPTED", kind: { not: "TAKEDOWN" }, publishDueAt: { lt: now } },
      ],
    },
    select: queueSelect,
    orderBy: { receivedAt: "asc" },
    take: 50,
  });
  return claims.map((claim) => toRow(claim, now));
}

/** How many claims are open, and how many of them are overdue (the newsroom menu's counts). */
export async function countOpenClaims(actor: StaffUser, now = new Date()): Promise<{ open: number; overdue: number }> {
  if (!canForAnyRecord(actor, "claim.read")) return { open: 0, overdue: 0 };
  const [open, overdue] = await Promise.all([
    db.rightsClaim.count({ where: { closedAt: null } }),
    db.rightsClaim.count({
      where: {
        OR: [
          { status: { in: ["RECEIVED", "INFO_REQUESTED"] }, replyDueAt: { lt: now } },
          { status: "ACCEPTED", kind: { not: "TAKEDOWN" }, publishDueAt: { lt: now } },
        ],
      },
    }),
  ]);
  return { open, overdue };
}

const detailSelect = {
  ...queueSelect,
  claimantEmail: true,
  claimantPhone: true,
  claimantAddress: true,
  relation: true,
  relationDetail: true,
  disputedPassage: true,
  requestedText: true,
  reason: true,
  consentedAt: true,
  retentionDays: true,
  answeredAt: true,
  deskMessage: true,
  rejectionGrounds: true,
  mediationCaseNumber: true,
  mediationOutcome: true,
  publishedAt: true,
  publicationNote: true,
  purgedAt: true,
  correction: { select: { type: true, note: true, createdAt: true } },
  evidence: true,
  attachments: { select: { id: true, fileName: true, mimeType: true, byteSize: true, sha256: true }, orderBy: { createdAt: "asc" } },
  actions: { select: { id: true, action: true, fromStatus: true, toStatus: true, note: true, createdAt: true, actor: { select: { name: true, title: true } } }, orderBy: { createdAt: "asc" } },
  comment: { select: { id: true, status: true } },
  article: { select: { id: true, headline: true, status: true, commentsClosed: true } },
} as const satisfies Prisma.RightsClaimSelect;

export type ClaimDetail = Prisma.RightsClaimGetPayload<{ select: typeof detailSelect }> & {
  receiptNumber: string;
  replyClock: ClockReading;
  publishClock: ClockReading | null;
  runningClock: ClaimClock | null;
  actionsAvailable: DeskAction[];
  evidenceIntact: boolean | null;
};

export async function getClaimForDesk(actor: StaffUser, claimId: number, now = new Date()): Promise<ClaimDetail> {
  assertCan(actor, "claim.read");
  const claim = Number.isSafeInteger(claimId) && claimId > 0 ? await db.rightsClaim.findUnique({ where: { id: claimId }, select: detailSelect }) : null;
  if (!claim) throw notFound("청구를 찾을 수 없습니다.");
  return {
    ...claim,
    receiptNumber: receiptNumberOf(claim),
    replyClock: readClock(claim.replyDueAt, claim.answeredAt ?? now),
    publishClock: claim.publishDueAt ? readClock(claim.publishDueAt, claim.publishedAt ?? now) : null,
    runningClock: runningClock(claim, now),
    actionsAvailable: availableDeskActions(claim),
    evidenceIntact: claim.evidence ? evidenceIntact(claim.evidence) : null,
  };
}

/** One attachment's bytes, for the desk to open (never a public address). */
export async function getClaimAttachment(actor: StaffUser, claimId: number, attachmentId: string) {
  assertCan(actor, "claim.read");
  const file = /^[a-z0-9]{1,40}$/i.test(attachmentId)
    ? await db.rightsClaimAttachment.findFirst({ where: { id: attachmentId, claimId }, select: { fileName: true, mimeType: true, bytes: true } })
    : null;
  if (!file) throw notFound("첨부 파일을 찾을 수 없습니다.");
  return file;
}

/** The story's accepted claims a 정정 or 반론 approved on it will close (shown beside the approval). */
export async function listAcceptedClaimsOnStory(actor: StaffUser, articleId: number, now = new Date()): Promise<QueueRow[]> {
  if (!canForAnyRecord(actor, "claim.read")) return [];
  const claims = await db.rightsClaim.findMany({ where: { articleId, status: "ACCEPTED", kind: { not: "TAKEDOWN" } }, select: queueSelect, orderBy: { receivedAt: "asc" } });
  return claims.map((claim) => toRow(claim, now));
}
