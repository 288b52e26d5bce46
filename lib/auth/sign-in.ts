import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashIp } from "@/lib/auth/client-ip";
import {
  type Reservation,
  ACCOUNT_FAILURE_LIMIT,
  DEVICE_FAILURE_LIMIT,
  IP_FAILURE_LIMIT,
  accountKey,
  clearThrottle,
  deviceKey,
  ipKey,
  latestLockEnd,
  lockIfLimitReached,
  releaseAttempt,
  reserveAttempt,
} from "@/lib/auth/login-throttle";
import { deviceIdFor, issueDeviceToken } from "@/lib/auth/device-cookie";
import { hashPassword, verifyPassword } from "@/lib/auth/password-hash";
import { db } from "@/lib/db";
import { metrics } from "@/lib/observability/metrics";

export type SignInResult =
  /** `deviceToken`: a fresh device cookie for this browser (lib/auth/device-cookie.ts). */
  | { ok: true; userId: string; sessionVersion: number; deviceToken: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; lockedUntil: Date };

/**
 * Which counters an attempt is charged to. From a browser holding a valid device cookie for this
 * account (one where the person signed in before): that device's own counter only, so strangers'
 * failures on the account or the address do not lock its owner out. A device that itself reached
 * its limit is treated like any unknown browser. Otherwise: the account's and the address's.
 */
async function reserveAttempts(email: string, ipHash: string, deviceToken: string | undefined, now: Date): Promise<{ reservations: Reservation[]; trusted: boolean }> {
  const deviceId = deviceIdFor(deviceToken, email, now);
  if (deviceId) {
    const device = await reserveAttempt(deviceKey(deviceId), DEVICE_FAILURE_LIMIT, now);
    if (device.allowed) return { reservations: [device], trusted: true };
  }
  const account = await reserveAttempt(accountKey(email), ACCOUNT_FAILURE_LIMIT, now);
  const ip = await reserveAttempt(ipKey(ipHash), IP_FAILURE_LIMIT, now);
  return { reservations: [account, ip], trusted: false };
}

// Verified when the e-mail matches no active account, so that an unknown address costs the same
// argon2 work as a known one and timing does not tell them apart.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword("not-a-real-password-for-timing"));

function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks a staff sign-in. Unknown e-mail, wrong password and deactivated account all give the
 * same answer ("invalid"); a locked account or IP gives "locked" whatever the password.
 */
export async function signInWithPassword(input: { email: string; password: string; ip: string; deviceToken?: string; now?: Date }): Promise<SignInResult> {
  const now = input.now ?? new Date();
  const email = normalizeEmail(input.email);
  const ipHash = hashIp(input.ip);
  // Counted before the (slow) password check, so parallel guesses cannot all get through.
  const { reservations, trusted } = await reserveAttempts(email, ipHash, input.deviceToken, now);
  const lockedUntil = latestLockEnd(reservations);
  if (lockedUntil) {
    for (const reservation of reservations) await releaseAttempt(reservation);
    await recordAudit({ action: "auth.login.locked", ipHash, detail: { email } });
    metrics().signIns.labels("locked").inc();
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
      detail: { email, reason: !user ? "unknown-email" : !user.active ? "inactive" : "wrong-password", knownDevice: trusted },
    });
    metrics().signIns.labels("failure").inc();
    return { ok: false, reason: "invalid" };
  }

  if (trusted) {
    // Only this device's count starts over: clearing the account's would hand a stranger who is
    // guessing at it a fresh set of attempts every time its owner signs in.
    for (const reservation of reservations) await clearThrottle(reservation.key);
  } else {
    await clearThrottle(accountKey(email));
    // A good sign-in does not count against the office's shared IP.
    for (const reservation of reservations.slice(1)) await releaseAttempt(reservation);
  }
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  await recordAudit({ actorId: user.id, action: "auth.login.success", targetType: "User", targetId: user.id, ipHash, detail: { knownDevice: trusted } });
  metrics().signIns.labels("success").inc();
  return { ok: true, userId: user.id, sessionVersion: user.sessionVersion, deviceToken: issueDeviceToken(email, now) };
}
