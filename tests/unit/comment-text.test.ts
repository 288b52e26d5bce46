// The 250-character rule as readers count (grapheme clusters after NFC, spaces included), the
// normaliser that makes comments plain text, link handling, and the form's input limit.
import { describe, expect, it } from "vitest";
import { commentBodySchema, nicknameSchema } from "@/lib/comments/comment-schemas";
import { cleanCommentText, COMMENT_MAX_LENGTH, countGraphemes, countLinks, limitInsertion, normalizeCommentBody, segmentCommentBody, stuffingProblem, takeGraphemes } from "@/lib/comments/comment-text";

const accepts = (body: string) => commentBodySchema.safeParse(body).success;

describe("the length rule", () => {
  it("250 Hangul syllables pass, 251 fail", () => {
    expect(accepts("가".repeat(250))).toBe(true);
    expect(accepts("가".repeat(251))).toBe(false);
    expect(commentBodySchema.safeParse("가".repeat(251)).error?.issues[0]?.message).toBe("띄어쓰기를 포함하여 250자 이내로 써주세요. (지금 251자)");
  });

  it("250 emoji with skin tones pass (each is one character, though 4 UTF-16 units)", () => {
    const thumbs = "👍🏽".repeat(250);
    expect(thumbs.length).toBe(1000);
    expect(countGraphemes(thumbs)).toBe(250);
    expect(accepts(thumbs)).toBe(true);
    expect(accepts(`${thumbs}👍🏽`)).toBe(false);
  });

  it("ZWJ sequences and flags count once", () => {
    expect(countGraphemes("👩‍💻👨‍👩‍👧‍👦🇰🇷🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}")).toBe(4);
    expect(accepts("👨‍👩‍👧‍👦".repeat(250))).toBe(true);
  });

  it("a letter with combining marks counts once; decomposed Hangul counts as the syllables it makes", () => {
    expect(countGraphemes("e\u0301")).toBe(1);
    expect(countGraphemes("a\u0301\u0323\u0304")).toBe(1);
    const decomposed = "한".normalize("NFD").repeat(250);
    expect(decomposed.length).toBe(750);
    expect(accepts(decomposed)).toBe(true);
    expect(accepts(`${decomposed}${"한".normalize("NFD")}`)).toBe(false);
  });

  it("spaces and line breaks count; surrounding space does not (it is trimmed)", () => {
    const spaced = `${"가 ".repeat(124)}가가`;
    expect(countGraphemes(spaced)).toBe(250);
    expect(accepts(spaced)).toBe(true);
    expect(accepts(`${spaced} 가`)).toBe(false);
    expect(accepts(`   ${"가".repeat(250)}\n\n  `)).toBe(true);
    expect(countGraphemes("가\n나")).toBe(3);
  });

  it("empty or invisible-only text is refused", () => {
    expect(commentBodySchema.safeParse(" \n\u200B\u202E ").error?.issues[0]?.message).toBe("댓글 내용을 입력하세요.");
  });

  it("takeGraphemes never splits a character", () => {
    expect(takeGraphemes("👍🏽👍🏽👍🏽", 2)).toBe("👍🏽👍🏽");
    expect(takeGraphemes("e\u0301e\u0301", 1)).toBe("e\u0301");
    expect(takeGraphemes("abc", COMMENT_MAX_LENGTH)).toBe("abc");
  });
});

describe("the normaliser", () => {
  it.each([
    ["NFC", "\u1112\u1161\u11AB\u1100\u1173\u11AF", "한글"],
    ["trims", "  안녕하세요  ", "안녕하세요"],
    ["zero-width space, joiner outside emoji, BOM, word joiner, soft hyphen", "시\u200B발\u200D점\uFEFF\u2060 팔\u00AD", "시발점 팔"],
    ["bidi overrides and isolates", "\u202Etxet\u202C \u2066a\u2069\u200F", "txet a"],
    ["control characters (keeps line breaks)", "가\u0000\u0007나\u001B\n다\u007F", "가나\n다"],
    ["Hangul fillers", "\u3164\u3164닉\u115F\u1160\uFFA0", "닉"],
    ["CRLF, CR, line and paragraph separators become line feeds", "가\r\n나\r다\u2028라\u2029마", "가\n나\n다\n라\n마"],
    ["tabs and other spaces become plain spaces", "가\t나\u3000다\u00A0라", "가 나 다 라"],
    ["walls of blank lines shrink to one", "가\n\n\n\n\n나", "가\n\n나"],
    ["trailing spaces on a line", "가   \n나", "가\n나"],
  ])("%s", (_name, raw, expected) => {
    expect(normalizeCommentBody(raw)).toBe(expected);
  });

  it("keeps emoji sequences whole", () => {
    const emoji = "👩‍💻 🏳️‍🌈 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}";
    expect(normalizeCommentBody(emoji)).toBe(emoji);
  });

  it("the form counts the same way without trimming (so the caret does not jump)", () => {
    expect(cleanCommentText(" 가\u200B ")).toBe(" 가 ");
  });

  // Nicknames that pass for the paper or its staff: tests/unit/nickname-impersonation.test.ts.
  it("nicknames: 2-20 characters, letters and digits, no blank tricks", () => {
    expect(nicknameSchema.safeParse("동네주민").data).toBe("동네주민");
    expect(nicknameSchema.safeParse("  한강   산책러  ").data).toBe("한강 산책러");
    expect(nicknameSchema.safeParse("가").success).toBe(false);
    expect(nicknameSchema.safeParse("가".repeat(21)).success).toBe(false);
    expect(nicknameSchema.safeParse("\u3164\u3164").success).toBe(false);
    expect(nicknameSchema.safeParse("<b>굵게</b>").success).toBe(false);
  });
});

describe("characters stuffed with marks or pieces", () => {
  const messageFor = (body: string) => commentBodySchema.safeParse(body).error?.issues[0]?.message;

  it("a letter with 3,000 combining accents is refused with a Korean reason, though it counts as one character", () => {
    const tower = `a${"\u0301".repeat(3000)}`;
    expect(countGraphemes(tower)).toBe(1);
    expect(messageFor(tower)).toBe("한 글자에 붙일 수 있는 결합 부호(악센트 등)는 4개까지입니다. 글자에 겹쳐 붙인 부호를 지워 주세요.");
    expect(messageFor(`좋은 기사 ${"Z\u0336\u0337\u0338\u0339\u033A".repeat(3)}`)).toContain("결합 부호");
  });

  it("four marks on a letter pass, five do not", () => {
    expect(accepts(`x${"\u0301\u0300\u0302\u0303"}`)).toBe(true);
    expect(accepts(`x${"\u0301\u0300\u0302\u0303\u0304"}`)).toBe(false);
  });

  it("real letters of every script and every emoji pass", () => {
    for (const text of ["स्त्री राष्ट्र", "ন্ত্র্য", "ก้ำ ที่", "ཀྵྐྵྟ བསྒྲུབས", "Tiếng Việt".normalize("NFD"), "1️⃣ 🏳️‍🌈 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}", "👩🏻‍❤️‍💋‍👨🏼".repeat(250), "👨‍👩‍👧‍👦".repeat(250)]) {
      expect(messageFor(text), text.slice(0, 20)).toBeUndefined();
    }
  });

  it("a chain of joined emoji is not one character", () => {
    const chain = Array.from({ length: 40 }, () => "👍").join("\u200D");
    expect(countGraphemes(chain)).toBe(1);
    expect(messageFor(chain)).toBe("한 글자에 이어 붙인 부호나 이모지 조각이 너무 많습니다. 한 글자는 10개 조각까지입니다.");
  });

  it("code points in all are capped (2,500 for a comment: 250 characters of at most 10)", () => {
    expect(stuffingProblem("가".repeat(30), 20)).toBe("code-points");
    expect(stuffingProblem("👍🏽".repeat(10), 20)).toBeNull();
    expect(stuffingProblem("👍🏽".repeat(11), 20)).toBe("code-points");
  });

  it("nicknames too", () => {
    expect(nicknameSchema.safeParse(`독자${"\u0301".repeat(40)}`).error?.issues[0]?.message).toContain("결합 부호");
    expect(nicknameSchema.safeParse("Tiếng Việt".normalize("NFD")).success).toBe(true);
  });
});

describe("links", () => {
  it("counts every spelling a spammer uses", () => {
    expect(countLinks("https://a.com 와 www.b.com 그리고 bit.ly/x 또 c.co.kr")).toBe(4);
    expect(countLinks("3.5% 올랐다. 1.2배")).toBe(0);
  });

  it("only http(s) addresses become links; sentence punctuation stays text", () => {
    expect(segmentCommentBody("보세요 https://a.com/x?y=1. 그리고\njavascript:alert(1)")).toEqual([
      { kind: "text", text: "보세요 " },
      { kind: "link", href: "https://a.com/x?y=1", text: "https://a.com/x?y=1" },
      { kind: "text", text: ". 그리고" },
      { kind: "break" },
      { kind: "text", text: "javascript:alert(1)" },
    ]);
  });
});

describe("the form's input limit", () => {
  const full = "가".repeat(COMMENT_MAX_LENGTH);

  it("keeps an edit that fits", () => {
    expect(limitInsertion("가나", "가다나", 250)).toEqual({ value: "가다나", caret: -1 });
  });

  it("drops what does not fit, wherever the caret was", () => {
    expect(limitInsertion(full, `${full}나`, 250).value).toBe(full);
    expect(limitInsertion(full, `나${full}`, 250).value).toBe(full);
    const almost = "가".repeat(249);
    expect(limitInsertion(almost, `가가${"나다라"}${"가".repeat(247)}`, 250)).toEqual({ value: `가가나${"가".repeat(247)}`, caret: 3 });
  });

  it("never keeps half an emoji", () => {
    const almost = "👍🏽".repeat(249);
    const result = limitInsertion(almost, `${almost}👩‍💻👍🏽`, 250);
    expect(result.value).toBe(`${almost}👩‍💻`);
    expect(countGraphemes(result.value)).toBe(250);
  });
});
