import { describe, expect, it } from "vitest";
import { isCanonicalReporterSegment, parseReporterSegment, reporterPath } from "@/lib/reporters/reporter-url";

const seoyeon = { reporterNumber: 2, name: "박서연" };

describe("reporter page addresses", () => {
  it("are /reporters/<number>-<name>, the name percent-encoded (browsers show it as Hangul)", () => {
    expect(reporterPath(seoyeon)).toBe(`/reporters/2-${encodeURIComponent("박서연")}`);
    expect(decodeURIComponent(reporterPath(seoyeon))).toBe("/reporters/2-박서연");
    expect(reporterPath({ reporterNumber: 31, name: "Kim Min-ji" })).toBe("/reporters/31-kim-min-ji");
    // A URL parser keeps it as it is: sitemaps and feeds print exactly this.
    expect(new URL(reporterPath(seoyeon), "https://news.example.kr").pathname).toBe(reporterPath(seoyeon));
  });

  it("read the number from the address, raw or decoded, with or without the name", () => {
    const encoded = reporterPath(seoyeon).split("/").at(-1) ?? "";
    expect(parseReporterSegment(encoded)).toEqual({ kind: "number", reporterNumber: 2, slug: "박서연" });
    expect(parseReporterSegment("2-박서연")).toEqual({ kind: "number", reporterNumber: 2, slug: "박서연" });
    expect(parseReporterSegment("2")).toEqual({ kind: "number", reporterNumber: 2, slug: null });
    expect(parseReporterSegment("2-")).toEqual({ kind: "number", reporterNumber: 2, slug: "" });
  });

  it("take the old opaque addresses as account ids, and nothing else", () => {
    expect(parseReporterSegment("cmxcifv0t0002sw7d0ufpyjj2")).toEqual({ kind: "legacy-id", id: "cmxcifv0t0002sw7d0ufpyjj2" });
    for (const bad of ["", "not-an-id!", "%E0%A4%A", "1234567890-너무큰번호", "-3", `c${"a".repeat(40)}`]) {
      expect(parseReporterSegment(bad), bad).toBeNull();
    }
  });

  it("is the current address only with the reporter's number and the slug of their current name", () => {
    const current = parseReporterSegment("2-박서연")!;
    expect(isCanonicalReporterSegment(current, seoyeon)).toBe(true);
    expect(isCanonicalReporterSegment(current, { ...seoyeon, name: "박서연 기자" })).toBe(false);
    expect(isCanonicalReporterSegment(parseReporterSegment("2")!, seoyeon)).toBe(false);
    expect(isCanonicalReporterSegment(parseReporterSegment("2-아무개")!, seoyeon)).toBe(false);
    // NFD (as some keyboards and file systems write Hangul) is the same name.
    expect(isCanonicalReporterSegment(parseReporterSegment(encodeURIComponent("2-박서연".normalize("NFD")))!, seoyeon)).toBe(true);
    expect(isCanonicalReporterSegment(parseReporterSegment("cmxcifv0t")!, seoyeon)).toBe(false);
  });
});
