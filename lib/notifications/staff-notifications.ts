import "server-only";
// Notifications inside the newsroom (no e-mail): the desk returned, approved or published a
// reporter's story. Written in the transaction of the transition they tell about. A story
// scheduled for later gets its "published" notification dated at its time (`notifyAt`), so it
// appears by itself then, with no job to run; moving or cancelling the schedule moves or removes it.
import { assertCan } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import type { DbTransaction } from "@/lib/db/client";
import type { NotificationKind } from "@/lib/generated/prisma/enums";

export const NOTIFICATION_KIND_KO: Record<NotificationKind, string> = {
  RETURNED: "메모와 함께 돌아왔습니다",
  APPROVED: "승인되었습니다",
  PUBLISHED: "발행되었습니다",
};

/** Tells the story's author, unless the author made the change themselves. */
export async function notifyAuthor(
  tx: DbTransaction,
  entry: { articleId: number; authorId: string; actorId: string; kind: NotificationKind; note?: string | null; notifyAt: Date },
): Promise<void> {
  if (entry.authorId === entry.actorId) return;
  await tx.staffNotification.create({
    data: { userId: entry.authorId, articleId: entry.articleId, kind: entry.kind, note: entry.note ?? null, notifyAt: entry.notifyAt },
  });
}

/** Moves (or, with `to: null`, removes) a "published" notification still waiting for its time. */
export async function moveUpcomingPublication(tx: DbTransaction, articleId: number, now: Date, to: Date | null): Promise<void> {
  const upcoming = { articleId, kind: "PUBLISHED" as const, notifyAt: { gt: now } };
  if (to) await tx.staffNotification.updateMany({ where: upcoming, data: { notifyAt: to } });
  else await tx.staffNotification.deleteMany({ where: upcoming });
}

export interface NotificationOut {
  id: string;
  kind: NotificationKind;
  message: string;
  note: string | null;
  at: string;
  read: boolean;
  article: { id: number; headline: string };
}

const MAX_LISTED = 50;

/** The actor's own notifications whose time has come, newest first. */
export async function listOwnNotifications(actor: StaffUser, now = new Date()): Promise<NotificationOut[]> {
  assertCan(actor, "article.read", { ownerId: actor.id });
  const rows = await db.staffNotification.findMany({
    where: { userId: actor.id, notifyAt: { lte: now } },
    orderBy: { notifyAt: "desc" },
    take: MAX_LISTED,
    select: { id: true, kind: true, note: true, notifyAt: true, readAt: true, article: { select: { id: true, headline: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    message: NOTIFICATION_KIND_KO[row.kind],
    note: row.note,
    at: row.notifyAt.toISOString(),
    read: row.readAt !== null,
    article: row.article,
  }));
}

export async function countUnreadNotifications(actor: StaffUser, now = new Date()): Promise<number> {
  assertCan(actor, "article.read", { ownerId: actor.id });
  return db.staffNotification.count({ where: { userId: actor.id, readAt: null, notifyAt: { lte: now } } });
}

/** Marks the actor's notifications read (those whose time has come). */
export async function markOwnNotificationsRead(actor: StaffUser, now = new Date()): Promise<number> {
  assertCan(actor, "article.read", { ownerId: actor.id });
  const { count } = await db.staffNotification.updateMany({ where: { userId: actor.id, readAt: null, notifyAt: { lte: now } }, data: { readAt: now } });
  return count;
}
