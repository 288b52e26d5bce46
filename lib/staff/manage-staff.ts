import "server-only";
// Admins manage staff accounts. Every change that affects what someone may do (role,
// deactivation, password reset) bumps their sessionVersion, so their open sessions end at once.
import { recordAudit } from "@/lib/audit/record-audit";
import { emitDomainEvent } from "@/lib/events/domain-events";
import { accountKey } from "@/lib/auth/login-throttle";
import { hashPassword } from "@/lib/auth/password-hash";
import { assertCan } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import type { DbTransaction } from "@/lib/db/client";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { storeProfilePhoto } from "@/lib/media/store-uploaded-image";
import { assertBylineNameFree } from "@/lib/staff/byline-names";
import { createStaffSchema, updateStaffSchema } from "@/lib/staff/staff-schemas";
import { generateTemporaryPassword } from "@/lib/staff/temporary-password";
import { stringId } from "@/lib/schemas/common";
import { parseInput } from "@/lib/validation";

const staffListSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  title: true,
  bylineEmail: true,
  bio: true,
  active: true,
  mustChangePassword: true,
  lastLoginAt: true,
  createdAt: true,
  photo: { select: { storageKey: true } },
} as const;

export async function listStaff(actor: StaffUser) {
  assertCan(actor, "staff.list");
  return db.user.findMany({ orderBy: [{ active: "desc" }, { name: "asc" }], select: staffListSelect });
}

/** A user id from a form or URL: anything that is not one cannot name a staff member. */
function staffIdOrNotFound(raw: string): string {
  if (!stringId.safeParse(raw).success) throw notFound("직원을 찾을 수 없습니다.");
  return raw;
}

export async function getStaffMember(actor: StaffUser, rawId: string) {
  assertCan(actor, "staff.list");
  const id = staffIdOrNotFound(rawId);
  const user = await db.user.findUnique({ where: { id }, select: staffListSelect });
  if (!user) throw notFound("직원을 찾을 수 없습니다.");
  return user;
}

/** Creates an account with a temporary password, returned once to show the admin. */
export async function createStaffMember(actor: StaffUser, input: unknown, options: { photo?: File } = {}) {
  assertCan(actor, "staff.create");
  const data = parseInput(createStaffSchema, input);
  if (await db.user.findUnique({ where: { email: data.email }, select: { id: true } })) {
    throw conflict("이미 같은 이메일로 등록된 직원이 있습니다.", { fieldErrors: { email: "이미 등록된 이메일입니다." } });
  }
  // Checked before the photo is stored too (so a refused form leaves no photo behind), and again
  // under the lock in the transaction.
  await db.$transaction((tx) => assertBylineNameFree(tx, data.name));
  // Stored only once the request is known to be allowed and valid.
  const photoId = await storeProfilePhoto(actor, options.photo, data.name);
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const user = await db.$transaction(async (tx) => {
    await assertBylineNameFree(tx, data.name);
    const created = await tx.user.create({
      data: { ...data, photoId: photoId ?? null, passwordHash, mustChangePassword: true },
      select: staffListSelect,
    });
    await recordAudit({ actorId: actor.id, action: "staff.create", targetType: "User", targetId: created.id, detail: { email: data.email, role: data.role, title: data.title } }, tx);
    return created;
  });
  return { user, temporaryPassword };
}

// Changes that could leave the newsroom without an active admin are serialized by this lock
// and re-checked inside it: two admins demoting each other at the same moment cannot both win.
const ADMIN_ROSTER_LOCK = 7_243_001;

async function lockAdminRoster(tx: DbTransaction, actor: StaffUser): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMIN_ROSTER_LOCK})`;
  const self = await tx.user.findUnique({ where: { id: actor.id }, select: { role: true, active: true } });
  if (!self?.active || self.role !== "ADMIN") throw forbidden();
}

async function countOtherActiveAdmins(tx: DbTransaction, excludeId: string): Promise<number> {
  return tx.user.count({ where: { role: "ADMIN", active: true, id: { not: excludeId } } });
}

/** Changes name, role, title, byline e-mail or bio. A role change ends the member's sessions. */
export async function updateStaffMember(actor: StaffUser, rawId: string, input: unknown, options: { photo?: File } = {}) {
  assertCan(actor, "staff.update");
  const id = staffIdOrNotFound(rawId);
  const data = parseInput(updateStaffSchema, input);
  if (!(await db.user.findUnique({ where: { id }, select: { id: true } }))) throw notFound("직원을 찾을 수 없습니다.");
  const photoId = await storeProfilePhoto(actor, options.photo, data.name ?? "");
  return db.$transaction(async (tx) => {
    await lockAdminRoster(tx, actor);
    const current = await tx.user.findUniqueOrThrow({ where: { id }, select: { role: true, title: true, active: true } });
    if (data.name !== undefined && current.active) await assertBylineNameFree(tx, data.name, id);
    const roleChanged = data.role !== undefined && data.role !== current.role;
    if (roleChanged && current.role === "ADMIN" && current.active && (await countOtherActiveAdmins(tx, id)) === 0) {
      throw invalid("마지막 관리자의 역할은 바꿀 수 없습니다. 먼저 다른 관리자를 지정하세요.");
    }
    const user = await tx.user.update({
      where: { id },
      data: { ...data, ...(photoId ? { photoId } : {}), ...(roleChanged ? { sessionVersion: { increment: 1 } } : {}) },
      select: staffListSelect,
    });
    if (roleChanged) {
      await recordAudit({ actorId: actor.id, action: "staff.role.change", targetType: "User", targetId: id, detail: { from: current.role, to: data.role ?? current.role } }, tx);
    }
    if (data.title !== undefined && data.title !== current.title) {
      await recordAudit({ actorId: actor.id, action: "staff.title.change", targetType: "User", targetId: id, detail: { from: current.title, to: data.title } }, tx);
    }
    await recordAudit({ actorId: actor.id, action: "staff.update", targetType: "User", targetId: id, detail: { fields: Object.keys(data) } }, tx);
    await emitDomainEvent(tx, { type: "staff.byline-changed", userId: id });
    return user;
  });
}

/** Deactivates (ending every session at once) or reactivates an account. */
export async function setStaffActive(actor: StaffUser, rawId: string, active: boolean) {
  assertCan(actor, "staff.deactivate");
  const id = staffIdOrNotFound(rawId);
  if (!active && id === actor.id) throw invalid("자기 자신의 계정은 비활성화할 수 없습니다.");
  await db.$transaction(async (tx) => {
    await lockAdminRoster(tx, actor);
    const current = await tx.user.findUnique({ where: { id }, select: { role: true, active: true, name: true } });
    if (!current) throw notFound("직원을 찾을 수 없습니다.");
    if (current.active === active) return;
    if (active) await assertBylineNameFree(tx, current.name, id);
    if (!active && current.role === "ADMIN" && (await countOtherActiveAdmins(tx, id)) === 0) {
      throw invalid("마지막 관리자는 비활성화할 수 없습니다.");
    }
    await tx.user.update({ where: { id }, data: { active, sessionVersion: { increment: 1 } } });
    await recordAudit({ actorId: actor.id, action: active ? "staff.reactivate" : "staff.deactivate", targetType: "User", targetId: id }, tx);
  });
}

/**
 * Replaces the password with a temporary one (returned once) that must be changed at the next
 * sign-in. Also lifts a sign-in lockout of the account: the admin has just vouched for the person.
 */
export async function resetStaffPassword(actor: StaffUser, rawId: string) {
  assertCan(actor, "staff.resetPassword");
  const id = staffIdOrNotFound(rawId);
  const user = await db.user.findUnique({ where: { id }, select: { email: true } });
  if (!user) throw notFound("직원을 찾을 수 없습니다.");
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id }, data: { passwordHash, mustChangePassword: true, passwordChangedAt: new Date(), sessionVersion: { increment: 1 } } });
    await tx.loginThrottle.deleteMany({ where: { key: accountKey(user.email) } });
    await recordAudit({ actorId: actor.id, action: "staff.password.reset", targetType: "User", targetId: id }, tx);
  });
  return { temporaryPassword };
}
