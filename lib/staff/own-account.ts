import "server-only";
// What every staff member may do to their own account.
import { recordAudit } from "@/lib/audit/record-audit";
import { emitDomainEvent } from "@/lib/events/domain-events";
import { ACCOUNT_FAILURE_LIMIT, accountKey, clearThrottle, lockIfLimitReached, reserveAttempt } from "@/lib/auth/login-throttle";
import { hashPassword, verifyPassword } from "@/lib/auth/password-hash";
import { assertCan } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import { DomainError, forbidden, invalid } from "@/lib/errors";
import { assertBylineNameFree } from "@/lib/staff/byline-names";
import { changeOwnPasswordSchema, updateOwnProfileSchema } from "@/lib/staff/staff-schemas";
import { storeProfilePhoto } from "@/lib/media/store-uploaded-image";
import { parseInput } from "@/lib/validation";

export async function getOwnProfile(actor: StaffUser) {
  assertCan(actor, "profile.read", { ownerId: actor.id });
  return db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { id: true, email: true, name: true, role: true, title: true, bylineEmail: true, bio: true, photo: { select: { storageKey: true } } },
  });
}

/**
 * Why a reporter or an editor may not change their own byline name or byline e-mail: they are
 * printed under every story, and readers send tips (confidential ones too) to that address. An
 * admin changes them (/newsroom/staff), which is rare (a new name, a new desk address) and leaves
 * a record; published stories keep the byline the desk approved either way (it is frozen with the
 * revision), and the next approval of a story carries the new one.
 */
const BYLINE_CHANGE_FOR_ADMINS = "이름과 바이라인 이메일은 기사마다 실리는 서명이라 관리자만 바꿀 수 있습니다. 관리자에게 요청하세요.";

export async function updateOwnProfile(actor: StaffUser, input: unknown, options: { photo?: File } = {}) {
  assertCan(actor, "profile.update", { ownerId: actor.id });
  const data = parseInput(updateOwnProfileSchema, input);
  const current = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true, bylineEmail: true } });
  const newName = data.name !== undefined && data.name !== current.name ? data.name : null;
  const newBylineEmail = data.bylineEmail !== undefined && data.bylineEmail !== current.bylineEmail;
  if ((newName !== null || newBylineEmail) && actor.role !== "ADMIN") throw forbidden(BYLINE_CHANGE_FOR_ADMINS);
  const photoId = await storeProfilePhoto(actor, options.photo, data.name ?? actor.name);
  return db.$transaction(async (tx) => {
    if (newName !== null) await assertBylineNameFree(tx, newName, actor.id);
    const user = await tx.user.update({
      where: { id: actor.id },
      data: { ...data, ...(photoId ? { photoId } : {}) },
      select: { id: true, email: true, name: true, role: true, title: true, bylineEmail: true, bio: true },
    });
    await recordAudit({ actorId: actor.id, action: "profile.update", targetType: "User", targetId: actor.id, detail: { fields: Object.keys(data) } }, tx);
    await emitDomainEvent(tx, { type: "staff.byline-changed", userId: actor.id });
    return user;
  });
}

/**
 * Changes the signed-in member's password after checking the current one. Every session of the
 * account ends, this one included: they sign in again with the new password.
 */
export async function changeOwnPassword(actor: StaffUser, input: unknown): Promise<void> {
  assertCan(actor, "password.change", { ownerId: actor.id });
  const data = parseInput(changeOwnPasswordSchema, input);
  const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  // Guessing the current password from an open session is throttled like signing in (same
  // account counter), so a borrowed session cannot be used to find the password.
  const now = new Date();
  const attempt = await reserveAttempt(accountKey(actor.email), ACCOUNT_FAILURE_LIMIT, now);
  if (!attempt.allowed) {
    const minutes = Math.max(1, Math.ceil((attempt.lockedUntil.getTime() - now.getTime()) / 60_000));
    throw new DomainError("LOCKED", `비밀번호 확인에 너무 많이 실패했습니다. ${minutes}분 뒤에 다시 시도하세요.`);
  }
  if (!(await verifyPassword(passwordHash, data.currentPassword))) {
    await lockIfLimitReached(attempt, now);
    await recordAudit({ actorId: actor.id, action: "auth.password.change.failure", targetType: "User", targetId: actor.id });
    throw invalid("현재 비밀번호가 올바르지 않습니다.", { fieldErrors: { currentPassword: "현재 비밀번호가 올바르지 않습니다." } });
  }
  await clearThrottle(accountKey(actor.email));
  const newHash = await hashPassword(data.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: actor.id },
      data: { passwordHash: newHash, mustChangePassword: false, passwordChangedAt: new Date(), sessionVersion: { increment: 1 } },
    });
    await recordAudit({ actorId: actor.id, action: "auth.password.change", targetType: "User", targetId: actor.id }, tx);
  });
}
