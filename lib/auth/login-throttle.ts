import "server-only";
// Brute-force throttling for sign-in, kept in PostgreSQL so every app instance shares it.
// 5 failures for one account, or 20 from one IP, within 15 minutes lock that key; each lock in a
// row lasts twice as long as the one before (15 min, 30 min, 1 h ... up to a day). While a key
// is locked every attempt is refused, with the right password too.
import { db } from "@/lib/db";

export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const FIRST_LOCK_MS = 15 * 60_000;
export const MAX_LOCK_MS = 24 * 60 * 60_000;
export const ACCOUNT_FAILURE_LIMIT = 5;
export const IP_FAILURE_LIMIT = 20;

export const accountKey = (email: string) => `account:${email}`;
export const ipKey = (ipHash: string) => `ip:${ipHash}`;

export function lockDuration(lockNumber: number): number {
  return Math.min(FIRST_LOCK_MS * 2 ** Math.max(0, lockNumber - 1), MAX_LOCK_MS);
}

/** The latest lock end among the keys, if any of them is locked at `now`. */
export async function activeLockUntil(keys: string[], now: Date): Promise<Date | null> {
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: now } }, select: { lockedUntil: true } });
  const ends = rows.map((row) => row.lockedUntil?.getTime() ?? 0);
  return ends.length ? new Date(Math.max(...ends)) : null;
}

/**
 * Counts one failure against `key` and locks it when it reaches `limit` within the window.
 * One atomic statement per step, so parallel attempts from several instances are all counted.
 */
export async function recordFailure(key: string, limit: number, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  // A key quiet for a day starts its lock ladder over.
  const ladderReset = new Date(now.getTime() - MAX_LOCK_MS);
  const rows = await db.$queryRaw<{ failures: number; lockCount: number }[]>`
    INSERT INTO "LoginThrottle" ("key", "failures", "windowStart", "lockCount", "updatedAt")
    VALUES (${key}, 1, ${now}, 0, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "LoginThrottle"."windowStart" < ${windowStart} THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
      "windowStart" = CASE WHEN "LoginThrottle"."windowStart" < ${windowStart} THEN ${now} ELSE "LoginThrottle"."windowStart" END,
      "lockCount" = CASE WHEN "LoginThrottle"."lockedUntil" IS NOT NULL AND "LoginThrottle"."lockedUntil" < ${ladderReset} THEN 0 ELSE "LoginThrottle"."lockCount" END,
      "updatedAt" = ${now}
    RETURNING "failures", "lockCount"`;
  const row = rows[0];
  if (!row || row.failures < limit) return;
  const lockNumber = row.lockCount + 1;
  await db.loginThrottle.update({
    where: { key },
    data: {
      lockCount: lockNumber,
      lockedUntil: new Date(now.getTime() + lockDuration(lockNumber)),
      failures: 0,
      windowStart: now,
    },
  });
}

/** After a correct password: the account's counters start over. */
export async function clearAccountFailures(email: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: accountKey(email) } });
}
