import "server-only";
// A reader's claim arrives through the public form (POST /api/v1/claims). In this order:
// 1. the text fields (400 with the field's Korean message);
// 2. the story or comment it names must be one readers can see now; anything else (a draft's id,
//    a hidden comment, no such number) gets the same 404, so the form reveals nothing;
// 3. the comment filter's source rules: a source banned from commenting is sent to the paper's
//    postal and e-mail address instead (the law asks for a claim in writing, 언론중재법 제15조
//    제1항; the web form is one way of many);
// 4. the attachments (type from the bytes, images re-encoded, PDFs checked and rewritten);
// 5. one transaction, under the source's advisory lock so that every app instance counts alike:
//    the source's rate limits, the claim with its deadlines (fixed now, from the settings), the
//    evidence snapshot, the attachments and the `claim.received` event (its history and audit
//    entry). Nothing public changes: the desk decides what readers see.
import { createHash, randomBytes } from "node:crypto";
import { checkAttachments, type CheckedAttachment, type ReceivedFile } from "@/lib/claims/claim-attachments";
import { legalDeadline } from "@/lib/claims/claim-deadlines";
import { captureEvidence } from "@/lib/claims/claim-evidence";
import { submitClaimSchema, type SubmitClaimInput } from "@/lib/claims/claim-schemas";
import { readClaimSettings, type ClaimSettings } from "@/lib/claims/claim-settings";
import { receiptNumberOf } from "@/lib/claims/receipt-number";
import { publiclyVisibleWhere } from "@/lib/articles/public/visibility";
import type { CommentVisitor } from "@/lib/comments/comment-source";
import { publisher } from "@/lib/config/site";
import { db } from "@/lib/db";
import type { DbTransaction } from "@/lib/db/client";
import { DomainError, notFound } from "@/lib/errors";
import { emitDomainEvent } from "@/lib/events/domain-events";
import { formatKstMinute, toKstIso } from "@/lib/format/korean-time";
import { parseInput } from "@/lib/validation";

/** Advisory-lock namespace for the rights desk (two-key form, apart from comments' 1_020_100). */
const CLAIM_LOCK_NAMESPACE = 1_020_200;

export interface ReceivedClaim {
  claimId: number;
  receiptNumber: string;
  /** The status page's secret: shown to the claimant once, stored only as a hash. */
  token: string;
  statusPath: string;
  replyDueAt: Date;
}

/** What the public form's API answers: the receipt, never anything about the story or the desk. */
export interface ClaimReceiptOut {
  receiptNumber: string;
  statusUrl: string;
  replyDueAt: string;
}

export function toClaimReceiptOut(claim: ReceivedClaim): ClaimReceiptOut {
  return { receiptNumber: claim.receiptNumber, statusUrl: claim.statusPath, replyDueAt: toKstIso(claim.replyDueAt) };
}

export const newStatusToken = () => randomBytes(32).toString("base64url");

export const hashStatusToken = (token: string) => createHash("sha256").update(`claim-status:${token}`).digest("hex");

export const statusPathFor = (token: string) => `/claims/status/${token}`;

/** The story (and comment) the claim names, when readers can see it now; 404 otherwise. */
async function resolveTarget(input: SubmitClaimInput, now: Date): Promise<{ articleId: number; commentId: number | null } | null> {
  if (input.commentId) {
    const comment = await db.comment.findFirst({
      where: { id: input.commentId, status: "VISIBLE", article: publiclyVisibleWhere(now), ...(input.articleId ? { articleId: input.articleId } : {}) },
      select: { id: true, articleId: true },
    });
    if (!comment) throw notFound("댓글을 찾을 수 없습니다. 보이는 댓글만 신고할 수 있습니다.");
    return { articleId: comment.articleId, commentId: comment.id };
  }
  if (input.articleId) {
    const article = await db.article.findFirst({ where: { id: input.articleId, ...publiclyVisibleWhere(now) }, select: { id: true } });
    if (!article) throw notFound("기사를 찾을 수 없습니다. 기사 제목이나 주소를 직접 적어 주세요.");
    return { articleId: article.id, commentId: null };
  }
  return null;
}

async function refuseBannedSource(source: string, now: Date): Promise<void> {
  const ban = await db.commentBan.findFirst({ where: { ipHash: source, expiresAt: { gt: now } }, orderBy: { expiresAt: "desc" }, select: { expiresAt: true } });
  if (!ban) return;
  throw new DomainError(
    "FORBIDDEN",
    `이 연결에서는 ${formatKstMinute(ban.expiresAt)}까지 온라인 접수를 할 수 없습니다. 청구서는 우편(${publisher.address}) 또는 이메일(${publisher.email})로 보내실 수 있습니다.`,
    { reason: "banned" },
  );
}

const HOUR_MS = 60 * 60_000;

async function assertWithinRateLimits(tx: DbTransaction, source: string, settings: ClaimSettings, now: Date): Promise<void> {
  const dayAgo = new Date(now.getTime() - 24 * HOUR_MS);
  const recent = await tx.rightsClaim.findMany({ where: { sourceHash: source, receivedAt: { gt: dayAgo } }, select: { receivedAt: true }, orderBy: { receivedAt: "asc" } });
  const hourAgo = now.getTime() - HOUR_MS;
  const lastHour = recent.filter((claim) => claim.receivedAt.getTime() > hourAgo);
  const refuse = (since: Date, window: number, message: string) => {
    const retryAfterSeconds = Math.max(1, Math.ceil((since.getTime() + window - now.getTime()) / 1000));
    return new DomainError("LOCKED", message, { retryAfterSeconds });
  };
  if (lastHour.length >= settings.maxPerHourPerSource && lastHour[0]) {
    throw refuse(lastHour[0].receivedAt, HOUR_MS, `한 시간에 ${settings.maxPerHourPerSource}건까지 접수할 수 있습니다. 잠시 뒤 다시 보내 주세요.`);
  }
  if (recent.length >= settings.maxPerDayPerSource && recent[0]) {
    throw refuse(recent[0].receivedAt, 24 * HOUR_MS, `하루에 ${settings.maxPerDayPerSource}건까지 접수할 수 있습니다. 내일 다시 보내 주세요.`);
  }
}

/** 32 bits of a hash of the source, for its advisory lock. */
const sourceLockKey = (source: string) => createHash("sha1").update(`claims:${source}`).digest().readInt32BE(0);

/**
 * Writes a checked claim with its deadlines (fixed now, from `settings`), its evidence snapshot,
 * its attachments and the `claim.received` event, in the caller's transaction.
 */
export async function storeClaim(
  tx: DbTransaction,
  claim: { input: SubmitClaimInput; target: { articleId: number; commentId: number | null } | null; attachments: CheckedAttachment[]; token: string; source: string; settings: ClaimSettings },
  now: Date,
) {
  const { input, target, attachments, token, settings } = claim;
  const takedown = input.kind === "TAKEDOWN";
  const created = await tx.rightsClaim.create({
    data: {
      kind: input.kind,
      articleId: target?.articleId ?? null,
      commentId: target?.commentId ?? null,
      storyReference: target ? null : (input.storyReference ?? null),
      statusTokenHash: hashStatusToken(token),
      claimantName: input.name,
      claimantEmail: input.email ?? null,
      claimantPhone: input.phone ?? null,
      claimantAddress: input.address ?? null,
      relation: input.relation,
      relationDetail: input.relationDetail ?? null,
      disputedPassage: input.disputedPassage,
      requestedText: input.requestedText,
      reason: input.reason,
      sourceHash: claim.source,
      consentedAt: now,
      retentionDays: settings.retentionDays,
      receivedAt: now,
      replyDueAt: legalDeadline(now, takedown ? settings.takedownReplyDays : settings.replyDays),
      publishDueAt: takedown ? null : legalDeadline(now, settings.publishDays),
      rejectionGrounds: [],
    },
    select: { id: true, kind: true, articleId: true, commentId: true, receivedAt: true, replyDueAt: true },
  });
  if (target) await captureEvidence(tx, created.id, target, now);
  if (attachments.length > 0) {
    await tx.rightsClaimAttachment.createMany({
      data: attachments.map((file) => ({ claimId: created.id, fileName: file.fileName, mimeType: file.mimeType, byteSize: file.bytes.length, sha256: file.sha256, bytes: new Uint8Array(file.bytes) })),
    });
  }
  await emitDomainEvent(tx, {
    type: "claim.received",
    claimId: created.id,
    articleId: created.articleId,
    commentId: created.commentId,
    kind: created.kind,
    actorId: null,
    action: "receive",
    from: null,
    to: "RECEIVED",
    at: now.toISOString(),
    note: null,
  });
  return created;
}

/** Receives a claim from the public form; see the notes at the top for what is checked. */
export async function receiveClaim(fields: unknown, files: ReceivedFile[], visitor: CommentVisitor, now = new Date()): Promise<ReceivedClaim> {
  const input = parseInput(submitClaimSchema, fields);
  const target = await resolveTarget(input, now);
  await refuseBannedSource(visitor.source, now);
  const attachments = await checkAttachments(files);
  const token = newStatusToken();

  const claim = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CLAIM_LOCK_NAMESPACE}::int, ${sourceLockKey(visitor.source)}::int)`;
    const settings = await readClaimSettings(tx);
    await assertWithinRateLimits(tx, visitor.source, settings, now);
    return storeClaim(tx, { input, target, attachments, token, source: visitor.source, settings }, now);
  });
  return { claimId: claim.id, receiptNumber: receiptNumberOf(claim), token, statusPath: statusPathFor(token), replyDueAt: claim.replyDueAt };
}
