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

describe("nextKstMidnight", () => {
  it("is the next 00:00 in Seoul (15:00 UTC)", () => {
    expect(new Date(nextKstMidnight(Date.parse("2026-11-25T14:59:59Z"))).toISOString()).toBe("2026-11-25T15:00:00.000Z");
    expect(new Date(nextKstMidnight(Date.parse("2026-11-25T15:00:00Z"))).toISOString()).toBe("2026-11-26T15:00:00.000Z");
    expect(new Date(nextKstMidnight(Date.parse("2026-11-25T03:00:00Z"))).toISOString()).toBe("2026-11-25T15:00:00.000Z");
  });
});
