import { describe, expect, it } from "vitest";
import { formatKstClock, formatKstDate, formatKstDateTime, formatKstDateWithWeekday, formatKstMinute, nextKstMidnight, toKstIso } from "@/lib/format/korean-time";

describe("Korea-time formatting", () => {
  const approved = new Date("2024-01-10T02:25:47.123Z"); // 11:25:47 in Seoul

  it("prints the 기사승인 time in KST to the second", () => {
    expect(formatKstDateTime(approved)).toBe("2024-01-10 11:25:47");
    expect(formatKstMinute(approved)).toBe("2024-01-10 11:25");
  });

  it("gives the newsroom's day and time of day in the same format", () => {
    expect(formatKstDate(approved)).toBe("2024-01-10");
    expect(formatKstClock(approved)).toBe("11:25");
  });

  it("rolls over to the next day in Korea before UTC does", () => {
    expect(formatKstDateTime(new Date("2024-01-10T15:00:00Z"))).toBe("2024-01-11 00:00:00");
  });

  it("prints the header date with the Korean weekday", () => {
    expect(formatKstDateWithWeekday(new Date("2025-09-16T03:00:00Z"))).toBe("2025.09.16 (화)");
  });

  it("gives ISO time with the +09:00 offset", () => {
    expect(toKstIso(approved)).toBe("2024-01-10T11:25:47+09:00");
  });
});

describe("Korea-time formatting against the time-zone database", () => {
  // The formatters add nine hours to UTC (Korea has had no daylight saving time since 1988): they
  // must print what Intl prints for Asia/Seoul.
  const seoul = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Seoul", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", weekday: "short", hourCycle: "h23" });
  const WEEKDAYS: Record<string, string> = { Sun: "일", Mon: "월", Tue: "화", Wed: "수", Thu: "목", Fri: "금", Sat: "토" };
  const printedBySeoul = (date: Date) => Object.fromEntries(seoul.formatToParts(date).map((part) => [part.type, part.value]));
  // Spread from 1989 to 2099, plus the instants either side of a Korean midnight and a year's end.
  const samples = [
    ...Array.from({ length: 2_000 }, (_, i) => new Date(Date.UTC(1989, 0, 1) + Math.floor(((i * 2_654_435_761) % 1_000_003) / 1_000_003 * (Date.UTC(2099, 0, 1) - Date.UTC(1989, 0, 1))))),
    new Date("2026-12-31T14:59:59.999Z"),
    new Date("2026-12-31T15:00:00.000Z"),
    new Date("2028-02-28T15:00:00.000Z"),
  ];

  it("prints the same date, time and weekday as Intl does for Asia/Seoul", () => {
    for (const date of samples) {
      const p = printedBySeoul(date);
      expect(formatKstDateTime(date), date.toISOString()).toBe(`${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`);
      expect(formatKstDateWithWeekday(date), date.toISOString()).toBe(`${p.year}.${p.month}.${p.day} (${WEEKDAYS[p.weekday ?? ""]})`);
    }
  });
});

describe("nextKstMidnight", () => {
  it("is the next 00:00 in Seoul (15:00 UTC)", () => {
    expect(new Date(nextKstMidnight(Date.parse("2026-11-25T14:59:59Z"))).toISOString()).toBe("2026-11-25T15:00:00.000Z");
    expect(new Date(nextKstMidnight(Date.parse("2026-11-25T15:00:00Z"))).toISOString()).toBe("2026-11-26T15:00:00.000Z");
    expect(new Date(nextKstMidnight(Date.parse("2026-11-25T03:00:00Z"))).toISOString()).toBe("2026-11-25T15:00:00.000Z");
  });
});
