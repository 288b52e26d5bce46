import "server-only";
// Notifications inside the newsroom (no e-mail): the desk returned, approved or published a
// reporter's story. Written from the desk's events (lib/notifications/notification-consumer.ts);
// read here, each once its time has come.
import { assertCan } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import type { NotificationKind } from "@/lib/generated/prisma/enums";

const NOTIFICATION_KIND_KO: Record<NotificationKind, string> = {
  RETURNED: "메모와 함께 돌아왔습니다",
  APPROVED: "승인되었습니다",
  PUBLISHED: "발행되었습니다",
  TAKEN_DOWN: "임시조치로 독자에게 가려졌습니다",
  TAKEDOWN_LIFTED: "임시조치가 끝나 다시 공개되었습니다",
  TAKEDOWN_DELETED: "임시조치 후 삭제되었습니다",
};

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
