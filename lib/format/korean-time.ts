// Times as Korean newspapers print them, always in Korea time whatever the server's zone. The
// newsroom prints every moment as "2024-01-10 11:25" (formatKstMinute), with seconds only where
// the public 기사승인 time is shown (formatKstDateTime); these are the only date formatters.

// Korea has kept UTC+9 all year since its last daylight saving time ended in October 1988
// (tzdata's Asia/Seoul), the offset toKstIso writes. So a moment is printed from its UTC fields
// moved by nine hours: Intl.DateTimeFormat#formatToParts took 8.5 µs a call for it, this 0.4 µs,
// and a reader page formats a few dozen times per render. tests/unit/korean-time.test.ts
// checks the two agree.
const KST_OFFSET_MS = 9 * 3_600_000;
const WEEKDAYS_KO = ["일", "월", "화", "수", "목", "금", "토"] as const;

const twoDigits = (value: number) => (value < 10 ? `0${value}` : String(value));

/** The moment's wall-clock fields in Korea (a Date read with its getUTC* methods). */
function kstWallClock(date: Date): Date {
  return new Date(date.getTime() + KST_OFFSET_MS);
}

/** "2024-01-10 11:25:47": the 기사승인 format, to the second. */
export function formatKstDateTime(date: Date): string {
  const kst = kstWallClock(date);
  return `${kst.getUTCFullYear()}-${twoDigits(kst.getUTCMonth() + 1)}-${twoDigits(kst.getUTCDate())} ${twoDigits(kst.getUTCHours())}:${twoDigits(kst.getUTCMinutes())}:${twoDigits(kst.getUTCSeconds())}`;
}

/** "2024-01-10 11:25": list pages. */
export function formatKstMinute(date: Date): string {
  return formatKstDateTime(date).slice(0, 16);
}

/** "2024-01-10": a day (the photo library's upload date). */
export function formatKstDate(date: Date): string {
  return formatKstDateTime(date).slice(0, 10);
}

/** "11:25": the time of day alone, where the day is today (the editor's "저장됨 11:25"). */
export function formatKstClock(date: Date): string {
  return formatKstDateTime(date).slice(11, 16);
}

/** "2025.09.16 (화)": the date in the site header. */
export function formatKstDateWithWeekday(date: Date): string {
  const kst = kstWallClock(date);
  return `${kst.getUTCFullYear()}.${twoDigits(kst.getUTCMonth() + 1)}.${twoDigits(kst.getUTCDate())} (${WEEKDAYS_KO[kst.getUTCDay()]})`;
}

/** ISO 8601 with the +09:00 offset, for <time dateTime> and JSON-LD. */
export function toKstIso(date: Date): string {
  return `${formatKstDateTime(date).replace(" ", "T")}+09:00`;
}

/** "2026-11-26T09:00": a moment as an <input type="datetime-local"> shows it, in Korea time. */
export function toKstLocalInput(date: Date): string {
  return formatKstDateTime(date).slice(0, 16).replace(" ", "T");
}

/**
 * An <input type="datetime-local"> value ("2026-11-26T09:00", Korea time, no offset) as an ISO
 * time with the +09:00 offset; anything else is passed on unchanged for the schema to refuse.
 */
export function kstLocalInputToIso(value: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value) ? `${value.length === 16 ? `${value}:00` : value}+09:00` : value;
}

/** "3일 4시간", "2시간 13분", "5분": how long something has waited. */
export function formatWaiting(milliseconds: number): string {
  const minutes = Math.max(0, Math.floor(milliseconds / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return hours > 0 ? `${days}일 ${hours}시간` : `${days}일`;
  if (hours > 0) return `${hours}시간 ${minutes % 60}분`;
  return `${minutes}분`;
}

/** The next midnight in Korea after `ms` (epoch milliseconds): when the printed date changes. */
export function nextKstMidnight(ms: number): number {
  const day = 24 * 3_600_000;
  return (Math.floor((ms + KST_OFFSET_MS) / day) + 1) * day - KST_OFFSET_MS;
}
