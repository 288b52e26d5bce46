// The rights desk's clocks (lib/claims/claim-deadlines.ts): days counted as the Civil Act counts
// them (the day of receipt not counted unless it began at 00:00, the period ending at 24:00 of its
// last day), in Korea time whatever the server's zone, across a KST midnight.
import { describe, expect, it } from "vitest";
import { legalDeadline, readClock } from "@/lib/claims/claim-deadlines";
import { nextPurgeRun } from "@/lib/claims/claim-jobs";

const kst = (text: string) => new Date(`${text}+09:00`);

describe("legalDeadline", () => {
  it("does not count the day of receipt: 14:00 Monday + 3 days ends at the end of Thursday (KST)", () => {
    expect(legalDeadline(kst("2026-12-07T14:00:00"), 3)).toEqual(kst("2026-12-11T00:00:00"));
    expect(legalDeadline(kst("2026-12-07T14:00:00"), 7)).toEqual(kst("2026-12-15T00:00:00"));
  });

  it("two claims twenty minutes apart across a KST midnight get deadlines a day apart", () => {
    // 23:50 KST is 14:50 UTC the same UTC day as 00:10 KST (15:10 UTC): counting UTC days would give both the same deadline.
    const beforeMidnight = kst("2026-12-07T23:50:00");
    const afterMidnight = kst("2026-12-08T00:10:00");
    expect(beforeMidnight.toISOString().slice(0, 10)).toBe(afterMidnight.toISOString().slice(0, 10));
    expect(legalDeadline(beforeMidnight, 3)).toEqual(kst("2026-12-11T00:00:00"));
    expect(legalDeadline(afterMidnight, 3)).toEqual(kst("2026-12-12T00:00:00"));
  });

  it("counts the first day when the claim arrived exactly at 00:00 KST (민법 제157조 단서)", () => {
    expect(legalDeadline(kst("2026-12-08T00:00:00"), 3)).toEqual(kst("2026-12-11T00:00:00"));
    expect(legalDeadline(kst("2026-12-07T23:59:59.999"), 3)).toEqual(kst("2026-12-11T00:00:00"));
  });

  it("is the same whatever the process's time zone (the dates are computed, not read from the local clock)", () => {
    const received = new Date(Date.UTC(2026, 11, 31, 16, 30)); // 2027-01-01 01:30 KST
    expect(legalDeadline(received, 3)).toEqual(kst("2027-01-05T00:00:00"));
  });
});

describe("readClock", () => {
  const due = kst("2026-12-11T00:00:00");
  it("says how long is left, and turns overdue one millisecond past the deadline", () => {
    expect(readClock(due, kst("2026-12-09T21:00:00"))).toMatchObject({ overdue: false, text: "1일 3시간 남음" });
    expect(readClock(due, kst("2026-12-10T23:59:00"))).toMatchObject({ overdue: false, text: "1분 남음" });
    expect(readClock(due, new Date(due.getTime() + 1))).toMatchObject({ overdue: true });
    expect(readClock(due, kst("2026-12-11T05:30:00"))).toMatchObject({ overdue: true, text: "5시간 30분 지남" });
  });
});

describe("the retention purge's schedule", () => {
  it("runs at the next 04:00 in Korea", () => {
    expect(nextPurgeRun(kst("2026-12-07T03:59:00"))).toEqual(kst("2026-12-07T04:00:00"));
    expect(nextPurgeRun(kst("2026-12-07T04:00:00"))).toEqual(kst("2026-12-08T04:00:00"));
    expect(nextPurgeRun(kst("2026-12-07T23:30:00"))).toEqual(kst("2026-12-08T04:00:00"));
  });
});
