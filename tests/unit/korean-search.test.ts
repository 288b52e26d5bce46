// The Korean side of search, without a database: how text and queries become tokens and terms.
import { describe, expect, it } from "vitest";
import { stripJosa } from "@/lib/search/josa";
import { documentTokens, normalizeForSearch, queryTokens } from "@/lib/search/korean-text";
import { excerptAround, highlightSegments } from "@/lib/search/highlight";
import { MAX_TERMS, parseSearchQuery } from "@/lib/search/search-query";

describe("normalizing and tokenizing", () => {
  it("folds width and case and turns punctuation into single spaces", () => {
    expect(normalizeForSearch("  고양특례시, ＡＩ·로봇…  2024년!  ")).toBe("고양특례시 ai 로봇 2024년");
  });

  it("indexes every character and every pair inside each word, never across words", () => {
    expect(new Set(documentTokens("고양시 경제"))).toEqual(new Set(["고", "양", "시", "고양", "양시", "경", "제", "경제"]));
    expect(documentTokens("고양시 경제")).not.toContain("시경");
  });

  it("a query word needs its pairs; a one-letter word its letter", () => {
    expect(queryTokens("고양")).toEqual(["고양"]);
    expect(queryTokens("고양시")).toEqual(["고양", "양시"]);
    expect(queryTokens("곰")).toEqual(["곰"]);
    // A two-syllable query is found inside a longer word: its pair is among the longer word's tokens.
    expect(documentTokens(normalizeForSearch("고양특례시가"))).toEqual(expect.arrayContaining(queryTokens("고양")));
  });
});

describe("particles (조사)", () => {
  it.each([
    ["고양시가", "고양시"],
    ["고양시는", "고양시"],
    ["고양시를", "고양시"],
    ["고양시의", "고양시"],
    ["고양시에서", "고양시"],
    ["서울에서는", "서울"],
    ["대통령은", "대통령"],
    ["부산으로", "부산"],
    ["서울로", "서울"],
    ["시민과", "시민"],
    ["한국은행이", "한국은행"],
    ["ai는", "ai"],
  ])("%s is about %s", (word, noun) => {
    expect(stripJosa(word)).toBe(noun);
  });

  it.each([
    ["국가", "a one-syllable noun would be left"],
    ["회의", "a one-syllable noun would be left"],
    ["경기도", "a whole noun that ends like a particle"],
    ["어린이", "a whole noun that ends like a particle"],
    ["고양시이", "the wrong form for a noun ending in a vowel"],
    ["시장가", "the wrong form: 시장 ends in a consonant"],
    ["고양", "no particle"],
    ["2024년", "no particle"],
  ])("%s stays whole (%s)", (word) => {
    expect(stripJosa(word)).toBe(word);
  });
});

describe("the search box", () => {
  it("turns what a reader typed into distinct terms without particles", () => {
    expect(parseSearchQuery("고양시가 경제자유구역을")).toMatchObject({ kind: "terms", terms: ["고양시", "경제자유구역"] });
    expect(parseSearchQuery(["고양시는 고양시가"])).toMatchObject({ kind: "terms", terms: ["고양시"] });
  });

  it("answers empty, overlong, symbol-only and broken input with a reason, never an error", () => {
    expect(parseSearchQuery(undefined)).toEqual({ kind: "empty" });
    expect(parseSearchQuery("   ")).toEqual({ kind: "empty" });
    expect(parseSearchQuery("가".repeat(1000)).kind).toBe("too-long");
    expect(parseSearchQuery("!@#$%^&*()…·<>").kind).toBe("no-words");
    expect(parseSearchQuery("\u0000고양").kind).toBe("no-words");
    expect(parseSearchQuery("\uD800").kind).toBe("no-words");
  });

  it("uses at most the first few words", () => {
    const query = parseSearchQuery("하나 둘둘 셋셋 넷넷 다섯 여섯 일곱");
    expect(query).toMatchObject({ kind: "terms", droppedTerms: 2 });
    expect(query.kind === "terms" && query.terms).toHaveLength(MAX_TERMS);
  });
});

describe("highlighting", () => {
  it("marks every occurrence, case-insensitively, as plain segments", () => {
    expect(highlightSegments("고양시 AI 고양", ["고양", "ai"])).toEqual([
      { text: "고양", match: true },
      { text: "시 ", match: false },
      { text: "AI", match: true },
      { text: " ", match: false },
      { text: "고양", match: true },
    ]);
  });

  it("never treats story text or terms as markup or a pattern", () => {
    const segments = highlightSegments("<script>alert(1)</script> 고양", ["고양", ".*"]);
    expect(segments.map((segment) => segment.text).join("")).toBe("<script>alert(1)</script> 고양");
    expect(segments.filter((segment) => segment.match).map((segment) => segment.text)).toEqual(["고양"]);
  });

  it("cuts an excerpt around the first match", () => {
    const text = `${"가".repeat(300)} 고양시 ${"나".repeat(300)}`;
    const excerpt = excerptAround(text, ["고양시"], 60);
    expect(excerpt).toContain("고양시");
    expect(excerpt.startsWith("…")).toBe(true);
    expect(excerpt.endsWith("…")).toBe(true);
  });
});
