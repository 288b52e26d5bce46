import "server-only";
// Who has a story open in the editor. The editor sends a heartbeat every ~15 s; a lock that has
// not heard one for PRESENCE_TTL_MS is free. Presence is a notice, not a wall: saves stay
// protected by the version check. The one hard rule is a takeover: the desk may take a story
// someone else holds, and from then on that person's saves of it are refused (edit-takeover.ts)
// until they open it again (`opening: true`) or close it (`releasePresence`).
import { presenceInputSchema } from "@/lib/articles/article-input-schema";
import { findTakeover } from "@/lib/articles/editor/edit-takeover";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import type { DbTransaction } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";

export const PRESENCE_TTL_MS = 45_000;

export interface PresenceOut {
  /** Who holds the story now (possibly the caller), or null when nobody does. */
  holder: { id: string; name: string; title: string } | null;
  mine: boolean;
  /** Set when the desk took the story from the caller: the caller's saves are refused. */
  takenOverBy: { id: string; name: string } | null;
  /** When the current hold lapses without a heartbeat (ISO), or null when nobody holds it. */
  expiresAt: string | null;
}

async function authorizeFor(actor: StaffUser, articleId: number) {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { authorId: true } });
  if (!article) throw notFound("기사를 찾을 수 없습니다.");
  assertCan(actor, "article.edit", { ownerId: article.authorId });
  return article;
}

/** Holds the lock for the actor if it is free, expired or already theirs, in one statement. Returns whether they hold it. */
async function acquireIfFree(tx: DbTransaction, articleId: number, userId: string, now: Date): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + PRESENCE_TTL_MS);
  const rows = await tx.$queryRaw<{ userId: string }[]>`
    INSERT INTO "ArticleEditLock" ("articleId", "userId", "expiresAt", "updatedAt")
    VALUES (${articleId}, ${userId}, ${expiresAt}, ${now})
    ON CONFLICT ("articleId") DO UPDATE
      SET "userId" = EXCLUDED."userId", "expiresAt" = EXCLUDED."expiresAt", "updatedAt" = EXCLUDED."updatedAt"
      WHERE "ArticleEditLock"."userId" = EXCLUDED."userId" OR "ArticleEditLock"."expiresAt" <= ${now}
    RETURNING "userId"`;
  return rows.length === 1;
}

async function takeOverLock(tx: DbTransaction, actor: StaffUser, articleId: number, now: Date): Promise<void> {
  const expiresAt = new Date(now.getTime() + PRESENCE_TTL_MS);
  const previous = await tx.articleEditLock.findUnique({ where: { articleId }, select: { userId: true, expiresAt: true } });
  await tx.articleEditLock.upsert({
    where: { articleId },
    create: { articleId, userId: actor.id, expiresAt },
    update: { userId: actor.id, expiresAt },
  });
  if (!previous || previous.userId === actor.id || previous.expiresAt <= now) return;
  await tx.articleEditTakeover.upsert({
    where: { articleId_userId: { articleId, userId: previous.userId } },
    create: { articleId, userId: previous.userId, takenById: actor.id, createdAt: now },
    update: { takenById: actor.id, createdAt: now },
  });
  await recordAudit({ actorId: actor.id, action: "article.takeover", targetType: "Article", targetId: articleId, detail: { from: previous.userId } }, tx);
}

async function presenceFor(tx: DbTransaction, actorId: string, articleId: number, takenOverBy: PresenceOut["takenOverBy"], now: Date): Promise<PresenceOut> {
  const lock = await tx.articleEditLock.findUnique({
    where: { articleId },
    select: { expiresAt: true, user: { select: { id: true, name: true, title: true } } },
  });
  const live = lock && lock.expiresAt > now ? lock : null;
  return {
    holder: live?.user ?? null,
    mine: live?.user.id === actorId && takenOverBy === null,
    takenOverBy,
    expiresAt: live?.expiresAt.toISOString() ?? null,
  };
}

/** The editor's heartbeat: holds the story when it is free (or takes it, for the desk) and says who holds it. */
export async function heartbeatPresence(actor: StaffUser, articleId: number, input: unknown, now = new Date()): Promise<PresenceOut> {
  const { takeOver, opening } = parseInput(presenceInputSchema, input);
  const article = await authorizeFor(actor, articleId);
  if (takeOver) assertCan(actor, "article.takeover", { ownerId: article.authorId });
  return db.$transaction(async (tx) => {
    // Opening the story again, or taking it back explicitly, ends an earlier takeover notice.
    if (opening || takeOver) await tx.articleEditTakeover.deleteMany({ where: { articleId, userId: actor.id } });
    const takenOverBy = await findTakeover(tx, articleId, actor.id);
    // Someone whose story was taken keeps seeing the notice and does not grab the lock back.
    if (!takenOverBy && !(await acquireIfFree(tx, articleId, actor.id, now)) && takeOver) {
      await takeOverLock(tx, actor, articleId, now);
    }
    return presenceFor(tx, actor.id, articleId, takenOverBy, now);
  });
}

/** Lets go of the story (the editor page closing); also ends a takeover notice, as closing the page does. */
export async function releasePresence(actor: StaffUser, articleId: number): Promise<void> {
  await authorizeFor(actor, articleId);
  await db.$transaction([
    db.articleEditLock.deleteMany({ where: { articleId, userId: actor.id } }),
    db.articleEditTakeover.deleteMany({ where: { articleId, userId: actor.id } }),
  ]);
}
