// Times as Korean newspapers print them, always in Korea time whatever the server's zone.
const KST = "Asia/Seoul";

function partsOf(date: Date): Record<string, string> {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: KST,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    weekday: "short",
    hourCycle: "h23",
  }).formatToParts(date);
  return Object.fromEntries(parts.map((part) => [part.type, part.value]));
}

const WEEKDAYS_KO: Record<string, string> = { Sun: "일", Mon: "월", Tue: "화", Wed: "수", Thu: "목", Fri: "금", Sat: "토" };

/** "2024-01-10 11:25:47": the 기사승인 format, to the second. */
export function formatKstDateTime(date: Date): string {
  const p = partsOf(date);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** "2024-01-10 11:25": list pages. */
export function formatKstMinute(date: Date): string {
  return formatKstDateTime(date).slice(0, 16);
}

/** "2025.09.16 (화)": the date in the site header. */
export function formatKstDateWithWeekday(date: Date): string {
  const p = partsOf(date);
  return `${p.year}.${p.month}.${p.day} (${WEEKDAYS_KO[p.weekday ?? ""] ?? ""})`;
}

/** ISO 8601 with the +09:00 offset, for <time dateTime> and JSON-LD. */
export function toKstIso(date: Date): string {
  return `${formatKstDateTime(date).replace(" ", "T")}+09:00`;
}
