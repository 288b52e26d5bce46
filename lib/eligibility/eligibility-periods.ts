// The periods the publisher's page counts over: the last 30, 90 and 365 days, and the last twelve
// calendar months in Korea time (this month included, so far), which is also what the reviewers'
// CSV lists, so its rows add up to the monthly counts. Pure.

export const SHARE_WINDOWS_DAYS = [30, 90, 365] as const;
export type ShareWindow = (typeof SHARE_WINDOWS_DAYS)[number];

const DAY_MS = 86_400_000;
const KST_OFFSET_MS = 9 * 3_600_000; // Korea keeps no daylight saving time
const MONTHS_LISTED = 12;

/** The start of a window: `days` before `now`. */
export function windowStart(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/** The first moment (KST midnight on the 1st) of the month `monthsBack` before this one in Korea. */
export function kstMonthStart(now: Date, monthsBack = 0): Date {
  const kst = new Date(now.getTime() + KST_OFFSET_MS);
  return new Date(Date.UTC(kst.getUTCFullYear(), kst.getUTCMonth() - monthsBack, 1) - KST_OFFSET_MS);
}

/** "2026-12": the Korean calendar month of a moment. */
export function kstMonthKey(date: Date): string {
  const kst = new Date(date.getTime() + KST_OFFSET_MS);
  return `${kst.getUTCFullYear()}-${String(kst.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** The twelve months listed, oldest first, and when the first begins. */
export function listedMonths(now: Date): { since: Date; months: string[] } {
  const months = Array.from({ length: MONTHS_LISTED }, (_, index) => kstMonthKey(kstMonthStart(now, MONTHS_LISTED - 1 - index)));
  return { since: kstMonthStart(now, MONTHS_LISTED - 1), months };
}
