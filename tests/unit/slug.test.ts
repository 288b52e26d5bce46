import { describe, expect, it } from "vitest";
import { slugFor } from "@/lib/articles/public/slug";

describe("story slugs", () => {
  it.each([
    ["고양특례시, 경제자유구역 지정 추진", "고양특례시-경제자유구역-지정-추진"],
    ["AI 반도체 수출 15% 늘었다", "ai-반도체-수출-15-늘었다"],
    ["  '청년 주택' 추첨… 경쟁률 12대 1  ", "청년-주택-추첨-경쟁률-12대-1"],
    ["!!!", "article"],
  ])("%j -> %j", (headline, slug) => {
    expect(slugFor(headline)).toBe(slug);
  });

  it("stops at a word boundary within 80 characters", () => {
    const slug = slugFor("가나다라마바사 ".repeat(30));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith("-")).toBe(false);
    expect(slug.split("-").every((word) => word === "가나다라마바사")).toBe(true);
  });

  it("normalises decomposed Hangul to syllables", () => {
    expect(slugFor("한글".normalize("NFD"))).toBe("한글");
  });
});
