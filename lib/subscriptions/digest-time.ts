// When the morning digest goes: the admin's time of day in Korea time (KST has no daylight
// saving, so a fixed +09:00 is right all year).

/** "07:00" -> the next moment after `now` when it is 07:00 in Korea. */
export function nextDigestAt(now: Date, time: string): Date {
  const kstToday = new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
  const today = new Date(`${kstToday}T${time}:00+09:00`);
  return today.getTime() > now.getTime() ? today : new Date(today.getTime() + 24 * 3_600_000);
}

/** The KST calendar day of `moment` ("2026-12-07"). */
export function kstDayOf(moment: Date): string {
  return new Date(moment.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}
