// The origin rules (lib/origins): the credit readers see, the submission problem, the wording the
// desk reads, and the wire agency recognised in a photo's credit line.
import { describe, expect, it } from "vitest";
import { agencyNamedIn, describeMediaOrigin, mediaOriginProblem, storedMediaOriginSource } from "@/lib/origins/media-origin";
import { describeOrigin, originProblem, storedOriginSource, storyOriginCredit } from "@/lib/origins/story-origin";

describe("the credit on the article page", () => {
  it.each([
    ["WIRE", "연합뉴스", "[연합뉴스]"],
    ["WIRE", " 뉴시스 ", "[뉴시스]"],
    ["PRESS_RELEASE", "고양특례시", "자료 제공: 고양특례시"],
    ["EXTERNAL", "한국지역정책연구원", "제공: 한국지역정책연구원"],
    ["OWN_REPORTING", "", null],
    ["CONTRIBUTION", "", null],
    // A leftover source of another kind is not printed.
    ["OWN_REPORTING", "연합뉴스", null],
    // A wire story whose agency was never filled has nothing to print (the submission check stops it).
    ["WIRE", "", null],
    [null, "연합뉴스", null],
  ] as const)("%s %j → %j", (origin, source, credit) => {
    expect(storyOriginCredit(origin, source)).toBe(credit);
  });
});

describe("the submission problem", () => {
  it("asks for a kind, then for the source the kind names, in Korean", () => {
    expect(originProblem(null, "")).toContain("출처 유형");
    expect(originProblem("WIRE", " ")).toBe("통신사를 적지 않았습니다.");
    expect(originProblem("PRESS_RELEASE", "")).toBe("보도자료를 낸 곳을 적지 않았습니다.");
    expect(originProblem("EXTERNAL", "")).toBe("기사를 제공한 곳을 적지 않았습니다.");
    expect(originProblem("WIRE", "AFP")).toBeNull();
    expect(originProblem("OWN_REPORTING", "")).toBeNull();
    expect(originProblem("CONTRIBUTION", "")).toBeNull();
  });

  it("keeps a source only with a kind that has one", () => {
    expect(storedOriginSource("WIRE", " 뉴스1 ")).toBe("뉴스1");
    expect(storedOriginSource("OWN_REPORTING", "뉴스1")).toBe("");
    expect(storedOriginSource(null, "뉴스1")).toBe("");
    expect(describeOrigin("WIRE", "뉴스1")).toBe("통신 · 뉴스1");
    expect(describeOrigin("OWN_REPORTING", "뉴스1")).toBe("자체 취재");
    expect(describeOrigin(null, "")).toBe("출처 미기록");
  });
});

describe("photos", () => {
  it("name their source where the kind has one", () => {
    expect(mediaOriginProblem("WIRE", "")).toContain("통신사");
    expect(mediaOriginProblem("HANDOUT", "")).toContain("제공한 곳");
    expect(mediaOriginProblem("OWN", "")).toBeNull();
    expect(mediaOriginProblem(null, "")).toBeNull();
    expect(storedMediaOriginSource("OWN", "연합뉴스")).toBe("");
    expect(describeMediaOrigin("WIRE", "연합뉴스")).toBe("통신 · 연합뉴스");
    expect(describeMediaOrigin(null, "")).toBe("출처 유형 미기록");
  });

  it.each([
    ["사진=연합뉴스", "연합뉴스"],
    ["(서울=연합뉴스) 홍길동 기자", "연합뉴스"],
    ["YONHAP", "연합뉴스"],
    ["Yonhap News Agency", "연합뉴스"],
    // A foreign agency's photo distributed by 연합뉴스 is 연합뉴스's under its contract.
    ["AFP=연합뉴스", "연합뉴스"],
    ["뉴시스", "뉴시스"],
    ["NEWSIS", "뉴시스"],
    ["뉴스1 DB", "뉴스1"],
    ["News1", "뉴스1"],
    ["REUTERS/Kim Hong-Ji", "로이터"],
    ["로이터=뉴스1", "뉴스1"],
    ["AP Photo/Ahn Young-joon", "AP"],
    ["AP", "AP"],
    ["AFP", "AFP"],
    ["EPA-EFE", "EPA"],
    ["XINHUA", "신화통신"],
    ["Kyodo", "교도통신"],
  ])("the credit %j names %j", (credit, agency) => {
    expect(agencyNamedIn(credit)).toBe(agency);
  });

  it.each(["사진=누리일보 홍길동 기자", "그래픽=누리일보", "고양특례시 제공", "CAPITAL PHOTO", "Apple", "happy", "EPAM Systems", "연합회 제공", ""])("the credit %j names no agency", (credit) => {
    expect(agencyNamedIn(credit)).toBeNull();
  });
});
