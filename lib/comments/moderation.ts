import "server-only";
// The desk's side of comments: one queue across all stories (held, reported, recent), hide,
// restore, delete and ban in bulk, and closing a story's comments. Every change is one
// transaction with its domain events and audit entries.
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { isBanPeriod } from "@/lib/comments/ban-periods";
import { sourceTag } from "@/lib/comments/comment-source";
import { db } from "@/lib/db";
import { invalid, notFound } from "@/lib/errors";
import { emitDomainEvent } from "@/lib/events/domain-events";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CommentStatus } from "@/lib/generated/prisma/enums";
import { intId, safeText } from "@/lib/schemas/common";
import { parseInput } from "@/lib/validation";

export const QUEUE_VIEWS = {
  pending: "검토 대기",
  reported: "신고된 댓글",
  recent: "최근 댓글",
  removed: "숨김·삭제",
} as const;
export type QueueView = keyof typeof QUEUE_VIEWS;

const PAGE_SIZE = 50;

function queueWhere(view: QueueView): Prisma.CommentWhereInput {
  switch (view) {
    // Held for review, or hidden by readers' reports and not yet looked at.
    case "pending":
      return { OR: [{ status: "HELD" }, { status: "HIDDEN", hiddenReason: "reports", moderatedAt: null }] };
    case "reported":
      return { reportCount: { gt: 0 }, status: { not: "DELETED" } };
    case "removed":
      return { status: { in: ["HIDDEN", "DELETED"] } };
    default:
      return {};
  }
}

const queueOrder = (view: QueueView): Prisma.CommentOrderByWithRelationInput[] =>
  view === "reported" ? [{ reportCount: "desc" }, { id: "desc" }] : [{ createdAt: "desc" }, { id: "desc" }];

interface QueueComment {
  id: number;
  body: string;
  nickname: string;
  tag: string;
  status: CommentStatus;
  hiddenReason: string | null;
  reportCount: number;
  likeCount: number;
  createdAt: Date;
  article: { id: number; headline: string; commentsClosed: boolean };
  reportReasons: string[];
  bannedUntil: Date | null;
}

export interface ModerationQueue {
  view: QueueView;
  comments: QueueComment[];
  counts: Record<QueueView, number>;
  page: number;
  pageCount: number;
  article: { id: number; headline: string; commentsClosed: boolean } | null;
}

export async function listModerationQueue(actor: StaffUser, options: { view?: QueueView; articleId?: number; page?: number } = {}, now = new Date()): Promise<ModerationQueue> {
  assertCan(actor, "comment.moderate");
  const view = options.view ?? "pending";
  // A page number from an address may be anything: beyond a safe integer, skip is a query error.
  const page = Number.isSafeInteger(options.page) ? Math.min(Math.max(1, options.page ?? 1), 10_000) : 1;
  const scope: Prisma.CommentWhereInput = options.articleId ? { articleId: options.articleId } : {};
  const where = { ...scope, ...queueWhere(view) };
  const [total, rows, article, ...counts] = await Promise.all([
    db.comment.count({ where }),
    db.comment.findMany({
      where,
      orderBy: queueOrder(view),
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        body: true,
        guestName: true,
        ipHash: true,
        status: true,
        hiddenReason: true,
        reportCount: true,
        likeCount: true,
        createdAt: true,
        article: { select: { id: true, headline: true, commentsClosed: true } },
        reports: { select: { reason: true }, orderBy: { id: "desc" }, take: 5 },
      },
    }),
    options.articleId ? db.article.findUnique({ where: { id: options.articleId }, select: { id: true, headline: true, commentsClosed: true } }) : null,
    ...(Object.keys(QUEUE_VIEWS) as QueueView[]).map((key) => db.comment.count({ where: { ...scope, ...queueWhere(key) } })),
  ]);
  const bans = await db.commentBan.groupBy({ by: ["ipHash"], where: { ipHash: { in: [...new Set(rows.map((row) => row.ipHash))] }, expiresAt: { gt: now } }, _max: { expiresAt: true } });
  const bannedUntil = new Map(bans.map((ban) => [ban.ipHash, ban._max.expiresAt]));
  return {
    view,
    page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    article,
    counts: Object.fromEntries((Object.keys(QUEUE_VIEWS) as QueueView[]).map((key, index) => [key, counts[index] ?? 0])) as Record<QueueView, number>,
    comments: rows.map((row) => ({
      id: row.id,
      body: row.body,
      nickname: row.guestName ?? "독자",
      tag: sourceTag(row.ipHash),
      status: row.status,
      hiddenReason: row.hiddenReason,
      reportCount: row.reportCount,
      likeCount: row.likeCount,
      createdAt: row.createdAt,
      article: row.article,
      reportReasons: row.reports.map((report) => report.reason),
      bannedUntil: bannedUntil.get(row.ipHash) ?? null,
    })),
  };
}

const commentIds = z.array(intId("댓글 번호가 올바르지 않습니다."), { error: "댓글을 고르세요." }).min(1, "댓글을 하나 이상 고르세요.").max(200, "한 번에 200개까지 처리할 수 있습니다.");

const moderateSchema = z.object({
  ids: commentIds,
  action: z.enum(["hide", "restore", "delete"], { error: "처리 방법을 고르세요." }),
});

const NEXT_STATUS = { hide: "HIDDEN", restore: "VISIBLE", delete: "DELETED" } as const;

/** Hides, restores (also: approves a held comment) or deletes the chosen comments; returns how many changed. */
export async function moderateComments(actor: StaffUser, input: unknown, now = new Date()): Promise<number> {
  assertCan(actor, "comment.moderate");
  const { ids, action } = parseInput(moderateSchema, input);
  const status = NEXT_STATUS[action];
  return db.$transaction(async (tx) => {
    const targets = await tx.comment.findMany({ where: { id: { in: ids }, status: { not: status } }, select: { id: true, articleId: true, status: true } });
    if (targets.length === 0) return 0;
    await tx.comment.updateMany({
      where: { id: { in: targets.map((target) => target.id) } },
      data: { status, hiddenReason: action === "restore" ? null : "desk", moderatedById: actor.id, moderatedAt: now },
    });
    for (const target of targets) {
      await emitDomainEvent(tx, { type: "comment.moderated", commentId: target.id, articleId: target.articleId, action, status });
      await recordAudit({ actorId: actor.id, action: `comment.${action}`, targetType: "Comment", targetId: target.id, detail: { articleId: target.articleId, from: target.status } }, tx);
    }
    return targets.length;
  });
}

const banSchema = z.object({
  ids: commentIds,
  days: z.coerce.number({ error: "기간을 고르세요." }).refine(isBanPeriod, "기간을 고르세요."),
  reason: safeText({ max: 200, maxMessage: "사유는 200자 이내로 쓰세요." }).optional(),
  /** Also hide every visible comment from the banned sources. */
  hideComments: z.boolean().optional(),
});

/** Bans the sources of the chosen comments for `days` days; returns how many sources. */
export async function banCommentSources(actor: StaffUser, input: unknown, now = new Date()): Promise<number> {
  assertCan(actor, "comment.ban");
  const { ids, days, reason, hideComments } = parseInput(banSchema, input);
  const expiresAt = new Date(now.getTime() + days * 24 * 60 * 60_000);
  return db.$transaction(async (tx) => {
    const sources = [...new Set((await tx.comment.findMany({ where: { id: { in: ids } }, select: { ipHash: true } })).map((row) => row.ipHash))];
    if (sources.length === 0) throw notFound("댓글을 찾을 수 없습니다.");
    for (const source of sources) {
      const ban = await tx.commentBan.create({ data: { ipHash: source, reason: reason ?? "", expiresAt, createdById: actor.id }, select: { id: true } });
      await emitDomainEvent(tx, { type: "comment.source-banned", banId: ban.id, until: expiresAt.toISOString() });
      await recordAudit({ actorId: actor.id, action: "comment.ban", targetType: "CommentBan", targetId: ban.id, ipHash: source, detail: { tag: sourceTag(source), days, reason: reason ?? "" } }, tx);
    }
    if (hideComments) {
      const visible = await tx.comment.findMany({ where: { ipHash: { in: sources }, status: { in: ["VISIBLE", "HELD"] } }, select: { id: true, articleId: true } });
      await tx.comment.updateMany({ where: { id: { in: visible.map((row) => row.id) } }, data: { status: "HIDDEN", hiddenReason: "banned", moderatedById: actor.id, moderatedAt: now } });
      for (const row of visible) {
        await emitDomainEvent(tx, { type: "comment.moderated", commentId: row.id, articleId: row.articleId, action: "hide", status: "HIDDEN" });
        await recordAudit({ actorId: actor.id, action: "comment.hide", targetType: "Comment", targetId: row.id, detail: { articleId: row.articleId, because: "ban" } }, tx);
      }
    }
    return sources.length;
  });
}

export interface ActiveBan {
  id: number;
  tag: string;
  reason: string;
  expiresAt: Date;
  createdAt: Date;
  createdBy: string | null;
}

export async function listActiveBans(actor: StaffUser, now = new Date()): Promise<ActiveBan[]> {
  assertCan(actor, "comment.ban");
  const bans = await db.commentBan.findMany({ where: { expiresAt: { gt: now } }, orderBy: { expiresAt: "desc" }, take: 200, include: { createdBy: { select: { name: true } } } });
  return bans.map((ban) => ({ id: ban.id, tag: sourceTag(ban.ipHash), reason: ban.reason, expiresAt: ban.expiresAt, createdAt: ban.createdAt, createdBy: ban.createdBy?.name ?? null }));
}

export async function liftBan(actor: StaffUser, input: unknown, now = new Date()): Promise<void> {
  assertCan(actor, "comment.ban");
  const { banId } = parseInput(z.object({ banId: intId("차단 번호가 올바르지 않습니다.") }), input);
  await db.$transaction(async (tx) => {
    const { count } = await tx.commentBan.updateMany({ where: { id: banId, expiresAt: { gt: now } }, data: { expiresAt: now } });
    if (count === 0) throw notFound("진행 중인 차단이 없습니다.");
    await emitDomainEvent(tx, { type: "comment.ban-lifted", banId });
    await recordAudit({ actorId: actor.id, action: "comment.unban", targetType: "CommentBan", targetId: banId }, tx);
  });
}

const closeCommentsSchema = z.object({ articleId: intId("기사 번호가 올바르지 않습니다."), closed: z.boolean({ error: "닫을지 열지 고르세요." }) });

/** Closes (or reopens) readers' comments on a story. */
export async function setCommentsClosed(actor: StaffUser, input: unknown): Promise<void> {
  assertCan(actor, "comment.close");
  const { articleId, closed } = parseInput(closeCommentsSchema, input);
  await db.$transaction(async (tx) => {
    // Not through Prisma's update: that would move the story's updatedAt, which the newsroom shows
    // as the time the story was last edited.
    const count = await tx.$executeRaw`UPDATE "Article" SET "commentsClosed" = ${closed} WHERE "id" = ${articleId}`;
    if (count === 0) throw notFound("기사를 찾을 수 없습니다.");
    await emitDomainEvent(tx, { type: "article.comments-closed", articleId, closed });
    await recordAudit({ actorId: actor.id, action: closed ? "comment.close" : "comment.open", targetType: "Article", targetId: articleId }, tx);
  });
}

/** Deletes one comment as staff (the DELETE API with a staff session). */
export async function deleteCommentAsStaff(actor: StaffUser, commentId: number): Promise<void> {
  const changed = await moderateComments(actor, { ids: [commentId], action: "delete" });
  if (changed === 0) {
    const exists = await db.comment.count({ where: { id: commentId } });
    if (!exists) throw notFound("댓글을 찾을 수 없습니다.");
    throw invalid("이미 삭제된 댓글입니다.");
  }
}
