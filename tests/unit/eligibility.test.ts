// The publisher's page's pure parts: the share of own reporting with unrecorded stories apart and
// its verdict, the Korean-calendar months, and CSV cells that Excel opens as text.
import { describe, expect, it } from "vitest";
import { csvCell, csvDocument } from "@/lib/eligibility/csv";
import { kstMonthKey, kstMonthStart, listedMonths } from "@/lib/eligibility/eligibility-periods";
import { countInto, emptyTally, formatShare, originShare } from "@/lib/eligibility/origin-share";
import type { ArticleOrigin } from "@/lib/generated/prisma/enums";

function tally(counts: Partial<Record<ArticleOrigin | "none", number>>) {
  const result = emptyTally();
  for (const [origin, count] of Object.entries(counts)) countInto(result, origin === "none" ? null : (origin as ArticleOrigin), count);
  return result;
}

describe("the share of own reporting", () => {
  it("is own / recorded, with the unrecorded stories left out and counted apart", () => {
    expect(originShare(tally({ OWN_REPORTING: 3, WIRE: 4, PRESS_RELEASE: 1, none: 2 }), 30)).toEqual({ total: 10, own: 3, recorded: 8, unrecorded: 2, share: 3 / 8, verdict: "met" });
    expect(originShare(tally({ none: 4 }), 30)).toEqual({ total: 4, own: 0, recorded: 0, unrecorded: 4, share: null, verdict: "depends" });
    expect(originShare(emptyTally(), 30)).toEqual({ total: 0, own: 0, recorded: 0, unrecorded: 0, share: null, verdict: "empty" });
  });

  it.each([
    // own, others, unrecorded, threshold → verdict
    [3, 7, 0, 30, "met"], // exactly 30%: met, compared in whole numbers (no 0.1 + 0.2 surprises)
    [29, 71, 0, 30, "below"],
    [3, 5, 2, 30, "met"], // 3/10 even if both unrecorded are someone else's
    [2, 6, 2, 30, "depends"], // 20% .. 40%: the unrecorded decide
    [1, 8, 1, 30, "below"], // at best 2/10
    [0, 0, 0, 30, "empty"],
    [0, 5, 0, 0, "met"], // a threshold of 0 is always met
    [9, 1, 0, 100, "below"],
    [10, 0, 0, 100, "met"],
  ] as const)("%i own, %i others, %i unrecorded against %i%% → %s", (own, others, unrecorded, threshold, verdict) => {
    expect(originShare(tally({ OWN_REPORTING: own, WIRE: others, none: unrecorded }), threshold).verdict).toBe(verdict);
  });

  it("is printed to one decimal", () => {
    expect(formatShare(3 / 7)).toBe("42.9%");
    expect(formatShare(0.3)).toBe("30%");
    expect(formatShare(1)).toBe("100%");
    expect(formatShare(2 / 3)).toBe("66.7%");
    expect(formatShare(null)).toBe("—");
  });
});

describe("months in Korea time", () => {
  it("a month begins at midnight on the 1st in Korea, which is 15:00 UTC the day before", () => {
    const justAfter = new Date("2026-11-30T15:00:00Z"); // 2026-12-01 00:00 KST
    expect(kstMonthKey(justAfter)).toBe("2026-12");
    expect(kstMonthKey(new Date(justAfter.getTime() - 1))).toBe("2026-11");
    expect(kstMonthStart(justAfter).toISOString()).toBe("2026-11-30T15:00:00.000Z");
    expect(kstMonthStart(justAfter, 12).toISOString()).toBe("2025-11-30T15:00:00.000Z");
  });

  it("twelve months listed back across the new year, this month last", () => {
    const { since, months } = listedMonths(new Date("2026-02-10T03:00:00Z"));
    expect(months).toEqual(["2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(since.toISOString()).toBe("2025-02-28T15:00:00.000Z");
  });
});

describe("CSV cells", () => {
  it.each([
    ["평범한 제목", '"평범한 제목"'],
    ["쉼표, 그리고 \"따옴표\"", '"쉼표, 그리고 ""따옴표"""'],
    ["줄\n바꿈", '"줄\n바꿈"'],
    // OWASP CSV injection: a cell Excel would run as a formula is prefixed so it stays text.
    ["=HYPERLINK(\"http://evil.example\",\"클릭\")", '"\'=HYPERLINK(""http://evil.example"",""클릭"")"'],
    ["+82 10", '"\'+82 10"'],
    ["-3% 하락", '"\'-3% 하락"'],
    ["@SUM(A1)", '"\'@SUM(A1)"'],
    ["\t=1+1", '"\'\t=1+1"'],
    ["\r=1+1", '"\'\r=1+1"'],
    ["   =1+1", '"\'   =1+1"'],
    ["\u3000=1+1", '"\'\u3000=1+1"'],
    ["＝1+1", '"\'＝1+1"'],
    ["－1", '"\'－1"'],
    ["a=1", '"a=1"'],
    ["3-2", '"3-2"'],
    ["", '""'],
  ])("%j → %s", (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it("writes numbers and missing values as cells", () => {
    expect(csvCell(42)).toBe('"42"');
    expect(csvCell(-1)).toBe('"\'-1"');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(undefined)).toBe('""');
  });

  it("a document: a UTF-8 BOM for Excel, CRLF after every record", () => {
    const document = csvDocument(["제목", "기자"], [["첫 기사", "홍길동 기자"], ["=둘째", "김기자"]]);
    expect(document).toBe('\uFEFF"제목","기자"\r\n"첫 기사","홍길동 기자"\r\n"\'=둘째","김기자"\r\n');
    expect([...Buffer.from(document, "utf8").subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
