import { describe, expect, it } from "vitest";
import { isWordToKeep, KEEP_WORD_MAX_CHARACTERS, keepWordRuns, keepWordsInHtml } from "@/lib/format/keep-words";

describe("Korean words a browser would split at punctuation inside them", () => {
  it.each([
    ["장비·화장품이", true],
    ["“정정”을", true],
    ["‘정정’이라는", true],
    ["3.5%로", true],
    ["(주)누리미디어", true],
    ["서울-부산간", true],
    ["반론…그리고", true],
    ["정정·반론", true],
    ["&quot;정정&quot;을", true],
    // Plain Hangul, a word with only leading or trailing punctuation, numbers: keep-all suffices.
    ["바로잡습니다", false],
    ["바로잡습니다.", false],
    ["“정정", false],
    ["1,000억원을", false],
    ["2026.12.07", false],
    // No Hangul: a URL or an English word wraps as it always did.
    ["https://example.com/a-b", false],
    ["e-mail", false],
    // Longer than a phone's line of the largest headline: left breakable.
    ["가·나·다·라·마·바·사·아", false],
  ])("%s: %s", (word, keep) => {
    expect(isWordToKeep(word)).toBe(keep);
  });

  it("leaves words longer than the limit breakable", () => {
    const atLimit = `가·${"나".repeat(KEEP_WORD_MAX_CHARACTERS - 2)}`;
    expect(isWordToKeep(atLimit)).toBe(true);
    expect(isWordToKeep(`${atLimit}다`)).toBe(false);
  });

  it("cuts text into the words to keep and the text between them, losing nothing", () => {
    const text = "반도체 장비·화장품이 견인… 수출 3.5%로  늘어 “정정”을 냈다";
    const runs = keepWordRuns(text);
    expect(runs.map((run) => run.text).join("")).toBe(text);
    expect(runs.filter((run) => run.keep).map((run) => run.text)).toEqual(["장비·화장품이", "3.5%로", "“정정”을"]);
    expect(keepWordRuns("")).toEqual([]);
    expect(keepWordRuns("바로잡습니다")).toEqual([{ text: "바로잡습니다", keep: false }]);
  });

  it("marks words in stored HTML without touching tags, attributes or entities", () => {
    const html = '<p>반도체 장비·화장품이 견인</p><p><a href="https://x.kr/a·b">“정정”을</a> &quot;반론&quot;도</p><figure><img alt="장비·화장품"></figure>';
    expect(keepWordsInHtml(html)).toBe(
      '<p>반도체 <span class="keep-word">장비·화장품이</span> 견인</p><p><a href="https://x.kr/a·b"><span class="keep-word">“정정”을</span></a> <span class="keep-word">&quot;반론&quot;도</span></p><figure><img alt="장비·화장품"></figure>',
    );
    expect(keepWordsInHtml("<p>바로잡습니다</p>")).toBe("<p>바로잡습니다</p>");
  });
});
