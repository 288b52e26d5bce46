import "server-only";
// Brute-force throttling for password checks, kept in PostgreSQL so every app instance shares it.
// 5 failures for one account, or 20 from one IP, within 15 minutes lock that key; each lock in a
// row lasts twice as long as the one before (15 min, 30 min, 1 h ... up to a day). While a key
// is locked every attempt is refused, with the right password too.
//
// An attempt is counted *before* the password is checked (one atomic statement), so a burst of
// parallel guesses cannot all slip past the check: only the first few are verified, the rest are
// refused. A correct password then clears the account's count and gives the IP its attempt back.
import { db } from "@/lib/db";

const THROTTLE_WINDOW_MS = 15 * 60_000;
export const FIRST_LOCK_MS = 15 * 60_000;
const MAX_LOCK_MS = 24 * 60 * 60_000;
export const ACCOUNT_FAILURE_LIMIT = 5;
export const IP_FAILURE_LIMIT = 20;
/** Failures allowed from one known browser (a device cookie) before it is treated as unknown. */
export const DEVICE_FAILURE_LIMIT = 5;

export const accountKey = (email: string) => `account:${email}`;
export const ipKey = (ipHash: string) => `ip:${ipHash}`;
export const deviceKey = (deviceId: string) => `device:${deviceId}`;

export function lockDuration(lockNumber: number): number {
  return Math.min(FIRST_LOCK_MS * 2 ** Math.max(0, lockNumber - 1), MAX_LOCK_MS);
}

export type Reservation =
  | { key: string; limit: number; allowed: true; attempt: number }
  | { key: string; limit: number; allowed: false; lockedUntil: Date };

/** Counts one attempt against `key` and says whether it may go on to the password check. */
export async function reserveAttempt(key: string, limit: number, now: Date): Promise<Reservation> {
  const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  // A key quiet for a day starts its lock ladder over.
  const ladderReset = new Date(now.getTime() - MAX_LOCK_MS);
  const rows = await db.$queryRaw<{ failures: number; windowStart: Date; lockedUntil: Date | null }[]>`
    INSERT INTO "LoginThrottle" ("key", "failures", "windowStart", "lockCount", "updatedAt")
    VALUES (${key}, 1, ${now}, 0, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "LoginThrottle"."windowStart" < ${windowStart} THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
      "windowStart" = CASE WHEN "LoginThrottle"."windowStart" < ${windowStart} THEN ${now} ELSE "LoginThrottle"."windowStart" END,
      "lockCount" = CASE WHEN "LoginThrottle"."lockedUntil" < ${ladderReset} THEN 0 ELSE "LoginThrottle"."lockCount" END,
      "updatedAt" = ${now}
    RETURNING "failures", "windowStart", "lockedUntil"`;
  const row = rows[0];
  if (!row) throw new Error(`login throttle: no row for ${key}`);
  if (row.lockedUntil && row.lockedUntil > now) return { key, limit, allowed: false, lockedUntil: row.lockedUntil };
  // More attempts in flight than the limit allows: refuse until this window ends.
  if (row.failures > limit) return { key, limit, allowed: false, lockedUntil: new Date(row.windowStart.getTime() + THROTTLE_WINDOW_MS) };
  return { key, limit, allowed: true, attempt: row.failures };
}

/** After a wrong password: the attempt that reached the limit locks the key. */
export async function lockIfLimitReached(reservation: Reservation, now: Date): Promise<void> {
  if (!reservation.allowed || reservation.attempt < reservation.limit) return;
  const current = await db.loginThrottle.findUnique({ where: { key: reservation.key }, select: { lockCount: true } });
  const lockNumber = (current?.lockCount ?? 0) + 1;
  await db.loginThrottle.update({
    where: { key: reservation.key },
    data: { lockCount: lockNumber, lockedUntil: new Date(now.getTime() + lockDuration(lockNumber)), failures: 0, windowStart: now },
  });
}

/** Gives back an attempt that was counted but did not fail (refused elsewhere, or the password was right). */
export async function releaseAttempt(reservation: Reservation): Promise<void> {
  if (!reservation.allowed) return;
  await db.$executeRaw`UPDATE "LoginThrottle" SET "failures" = GREATEST("failures" - 1, 0) WHERE "key" = ${reservation.key}`;
}

/** After a correct password: the account's counters and lock ladder start over. */
export async function clearThrottle(key: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key } });
}

export function latestLockEnd(reservations: Reservation[]): Date | null {
  const ends = reservations.flatMap((r) => (r.allowed ? [] : [r.lockedUntil.getTime()]));
  return ends.length ? new Date(Math.max(...ends)) : null;
}
