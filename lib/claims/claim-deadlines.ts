// The rights desk's clocks, as the law counts days, in Korea time whatever the server's zone.
//
// 언론중재법 제15조 제2항 ("3일 이내에 ... 통지") and 제3항 ("그 청구를 받은 날부터 7일 내에 ...
// 게재") set periods in days; the Act has no counting rule of its own, so 민법 제155조 applies the
// Civil Act's: the day of receipt is not counted unless the claim arrived exactly at 00:00
// (제157조), and the period ends when its last day ends (제159조). A claim received at 14:00 on
// Monday is answered by the end of Thursday; one received at 23:59 on Monday too, and one received
// at 00:01 on Tuesday by the end of Friday.
//
// 민법 제161조 moves a period ending on a Saturday or a public holiday to the next day. The clocks
// leave that out on purpose: they show the earlier, strict time, so the desk never relies on a
// holiday it may have miscounted (docs/rights-desk.md says so).
import { formatWaiting, nextKstMidnight } from "@/lib/format/korean-time";

const DAY_MS = 24 * 60 * 60_000;
const KST_OFFSET_MS = 9 * 60 * 60_000;

/** Whether `at` is exactly 00:00:00.000 in Korea: then its day counts (민법 제157조 단서). */
function isKstMidnight(at: Date): boolean {
  return (at.getTime() + KST_OFFSET_MS) % DAY_MS === 0;
}

/** The moment a period of `days` days from `receivedAt` ends: the end (24:00 KST) of its last day. */
export function legalDeadline(receivedAt: Date, days: number): Date {
  const firstCountedDay = isKstMidnight(receivedAt) ? receivedAt.getTime() : nextKstMidnight(receivedAt.getTime());
  return new Date(firstCountedDay + days * DAY_MS);
}

export interface ClockReading {
  overdue: boolean;
  /** "2일 3시간 남음", "5시간 12분 지남". */
  text: string;
  /** Milliseconds left (negative once overdue). */
  leftMs: number;
}

/** How a deadline stands at `now`, in the words the queue shows. */
export function readClock(due: Date, now: Date): ClockReading {
  const leftMs = due.getTime() - now.getTime();
  if (leftMs > 0) return { overdue: false, leftMs, text: `${formatWaiting(leftMs)} 남음` };
  return { overdue: true, leftMs, text: `${formatWaiting(-leftMs)} 지남` };
}
