import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashIp } from "@/lib/auth/client-ip";
import {
  ACCOUNT_FAILURE_LIMIT,
  IP_FAILURE_LIMIT,
  accountKey,
  clearThrottle,
  ipKey,
  latestLockEnd,
  lockIfLimitReached,
  releaseAttempt,
  reserveAttempt,
} from "@/lib/auth/login-throttle";
import { hashPassword, verifyPassword } from "@/lib/auth/password-hash";
import { db } from "@/lib/db";

export type SignInResult =
  | { ok: true; userId: string; sessionVersion: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; lockedUntil: Date };

// Verified when the e-mail matches no active account, so that an unknown address costs the same
// argon2 work as a known one and timing does not tell them apart.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword("not-a-real-password-for-timing"));

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks a staff sign-in. Unknown e-mail, wrong password and deactivated account all give the
 * same answer ("invalid"); a locked account or IP gives "locked" whatever the password.
 */
export async function signInWithPassword(input: { email: string; password: string; ip: string; now?: Date }): Promise<SignInResult> {
  const now = input.now ?? new Date();
  const email = normalizeEmail(input.email);
  const ipHash = hashIp(input.ip);
  // Counted before the (slow) password check, so parallel guesses cannot all get through.
  const account = await reserveAttempt(accountKey(email), ACCOUNT_FAILURE_LIMIT, now);
  const ip = await reserveAttempt(ipKey(ipHash), IP_FAILURE_LIMIT, now);
  const reservations = [account, ip];
  const lockedUntil = latestLockEnd(reservations);
  if (lockedUntil) {
    for (const reservation of reservations) await releaseAttempt(reservation);
    await recordAudit({ action: "auth.login.locked", ipHash, detail: { email } });
    return { ok: false, reason: "locked", lockedUntil };
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, active: true, sessionVersion: true, passwordHash: true },
  });
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), input.password);

  if (!user || !user.active || !passwordMatches) {
    for (const reservation of reservations) await lockIfLimitReached(reservation, now);
    await recordAudit({
      actorId: user?.id ?? null,
      action: "auth.login.failure",
      targetType: user ? "User" : undefined,
      targetId: user?.id,
      ipHash,
      detail: { email, reason: !user ? "unknown-email" : !user.active ? "inactive" : "wrong-password" },
    });
    return { ok: false, reason: "invalid" };
  }

  await clearThrottle(accountKey(email));
  // A good sign-in does not count against the office's shared IP.
  await releaseAttempt(ip);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  await recordAudit({ actorId: user.id, action: "auth.login.success", targetType: "User", targetId: user.id, ipHash });
  return { ok: true, userId: user.id, sessionVersion: user.sessionVersion };
}
