import { describe, expect, it } from "vitest";
import { countManuscript } from "@/lib/articles/body/manuscript-count";
import { imageProblems } from "@/lib/articles/workflow/submission-checks";

describe("counting the way Korean desks count", () => {
  it.each([
    ["", 0, 0, 0],
    ["한글", 2, 2, 0.1],
    ["누리일보 인턴기자", 9, 8, 0.1],
    ["첫 문단.\n둘째 문단.", 11, 9, 0.1],
    // Jamo typed one by one are one character each syllable once composed (NFC).
    ["\u1112\u1161\u11ab\u1100\u1173\u11af", 2, 2, 0.1],
    // An emoji with a skin tone and a flag are one character each.
    ["좋아요 👍🏽 🇰🇷", 7, 5, 0.1],
    ["tab\tand  double", 15, 12, 0.1],
  ])("%j: %i with spaces, %i without, %f pages", (text, withSpaces, withoutSpaces, pages) => {
    expect(countManuscript(text)).toEqual({ withSpaces, withoutSpaces, manuscriptPages: pages });
  });

  it("원고지 매수 is characters with spaces over 200, rounded up to one decimal", () => {
    expect(countManuscript("가".repeat(200)).manuscriptPages).toBe(1);
    expect(countManuscript("가".repeat(201)).manuscriptPages).toBe(1.1);
    expect(countManuscript("가 ".repeat(500)).manuscriptPages).toBe(5);
    expect(countManuscript("가".repeat(1999)).manuscriptPages).toBe(10);
    expect(countManuscript("가".repeat(2001)).manuscriptPages).toBe(10.1);
  });

  it("counts a 300,000-character story the same as counting it paragraph by paragraph", () => {
    const paragraphs = Array.from({ length: 5000 }, (_, i) => `${i}번째 문단입니다. 누리일보 기자가 쓴 긴 기사의 한 문단 🙂👍🏽 日本語テキスト${"é".repeat(i % 3)}`);
    const segmenter = new Intl.Segmenter("ko", { granularity: "grapheme" });
    const expected = paragraphs.reduce((sum, paragraph) => sum + Array.from(segmenter.segment(paragraph)).length, 0);
    expect(countManuscript(paragraphs.join("\n")).withSpaces).toBe(expected);
  });

  it("a long run of non-Hangul text is cut only between characters", () => {
    const text = "👨\u200d👩\u200d👧".repeat(100) + "e\u0301".repeat(100) + "日".repeat(1000);
    expect(countManuscript(text).withSpaces).toBe(1200);
  });
});

describe("images need alt text and a credit before submitting", () => {
  const figure = (mediaId: string, alt: string, credit: string) => ({ type: "figure", attrs: { mediaId, alt, caption: "", credit } });
  it("names each image and what it lacks, with the particle that fits the word (가 after a vowel)", () => {
    const problems = imageProblems({
      hero: { mediaId: "h1", alt: "시청", credit: "" },
      body: { content: [figure("a", "광장", "사진=누리일보"), { type: "blockquote", content: [figure("b", " ", "")] }, figure("c", "", "독자 제공")] },
    });
    expect(problems.map((problem) => problem.message)).toEqual([
      "대표 사진: 사진 출처가 없습니다.",
      "본문 사진 2: 대체 텍스트, 사진 출처가 없습니다.",
      "본문 사진 3: 대체 텍스트가 없습니다.",
    ]);
    expect(problems.map((problem) => problem.mediaId)).toEqual(["h1", "b", "c"]);
  });

  it("a story without images, or with complete ones, has no problems", () => {
    expect(imageProblems({ hero: null, body: { content: [] } })).toEqual([]);
    expect(imageProblems({ hero: { mediaId: "h", alt: "a", credit: "b" }, body: { content: [figure("a", "x", "y")] } })).toEqual([]);
  });
});
