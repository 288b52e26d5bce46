// The one diff module: word-level segments on Korean text, for the history panel and the desk.
import { describe, expect, it } from "vitest";
import { diffArticleSnapshots, diffText, type ArticleSnapshot, type DiffSegment } from "@/lib/articles/revisions/diff";

const before = (segments: DiffSegment[]) => segments.filter((s) => s.kind !== "added").map((s) => s.text).join("");
const after = (segments: DiffSegment[]) => segments.filter((s) => s.kind !== "removed").map((s) => s.text).join("");

describe("diffText", () => {
  it("a changed word in a Korean sentence", () => {
    expect(diffText("시장은 어제 기자회견을 열었다.", "시장은 오늘 기자회견을 열었다.")).toEqual([
      { kind: "same", text: "시장은 " },
      { kind: "removed", text: "어제" },
      { kind: "added", text: "오늘" },
      { kind: "same", text: " 기자회견을 열었다." },
    ]);
  });

  it("an added sentence", () => {
    expect(diffText("정부가 예산을 늘렸다.", "정부가 예산을 늘렸다. 야당은 반발했다.")).toEqual([
      { kind: "same", text: "정부가 예산을 늘렸다." },
      { kind: "added", text: " 야당은 반발했다." },
    ]);
  });

  it("a changed particle replaces the whole word, not a scatter of syllables", () => {
    expect(diffText("정부가 예산을 늘렸다.", "정부는 예산을 늘렸다.")).toEqual([
      { kind: "removed", text: "정부가" },
      { kind: "added", text: "정부는" },
      { kind: "same", text: " 예산을 늘렸다." },
    ]);
  });

  it("joins neighbouring changed words into one replacement", () => {
    expect(diffText("시장은 어제 기자회견을 열었다.", "구청장은 오늘 설명회를 열었다.")).toEqual([
      { kind: "removed", text: "시장은 어제 기자회견을" },
      { kind: "added", text: "구청장은 오늘 설명회를" },
      { kind: "same", text: " 열었다." },
    ]);
  });

  it("shows a paragraph split (one line per block) and keeps the texts reconstructible", () => {
    const a = "첫 문단입니다. 둘째 문장.\n셋째 문단.";
    const b = "첫 문단입니다.\n둘째 문장.\n셋째 문단. 덧붙임.";
    const segments = diffText(a, b);
    expect(segments.some((s) => s.kind === "added" && s.text.includes("\n"))).toBe(true);
    expect(before(segments)).toBe(a);
    expect(after(segments)).toBe(b);
  });

  it("handles empty sides and equal texts", () => {
    expect(diffText("", "")).toEqual([]);
    expect(diffText("같다", "같다")).toEqual([{ kind: "same", text: "같다" }]);
    expect(diffText("", "새 글")).toEqual([{ kind: "added", text: "새 글" }]);
    expect(diffText("지운 글", "")).toEqual([{ kind: "removed", text: "지운 글" }]);
  });

  it("a long story with a few edits is exact; a total rewrite falls back to blocks", () => {
    const paragraphs = Array.from({ length: 5000 }, (_, i) => `${i}번째 문단에서 고양시 경제자유구역 지정 추진 상황을 자세히 전한다.`);
    const edited = [...paragraphs];
    edited[1234] = "1234번째 문단을 새로 썼다.";
    edited.splice(4000, 0, "새로 넣은 문단.");
    const segments = diffText(paragraphs.join("\n"), edited.join("\n"));
    expect(after(segments)).toBe(edited.join("\n"));
    expect(segments.filter((s) => s.kind !== "same").length).toBeLessThanOrEqual(4);

    const rewritten = paragraphs.map((_, i) => `완전히 다른 ${i} 문장 ${i * 7}`);
    const blocks = diffText(paragraphs.join("\n"), rewritten.join("\n"));
    expect(blocks.map((s) => s.kind)).toEqual(["removed", "added"]);
    expect(before(blocks)).toBe(paragraphs.join("\n"));
    expect(after(blocks)).toBe(rewritten.join("\n"));
  });
});

describe("diffArticleSnapshots", () => {
  const base: ArticleSnapshot = {
    headline: "제목",
    subHeadlines: ["부제 하나"],
    summary: "",
    section: { id: 1, name: "정치" },
    tags: ["국회", "예산"],
    hero: { id: "a1", label: "국회의사당" },
    heroCaption: "국회의사당 전경",
    heroCredit: "누리일보",
    origin: "자체 취재",
    heroAlt: "국회의사당 앞 계단",
    pollSurvey: "",
    bodyText: "본문",
  };

  it("reports every field with a Korean label, marking only what changed", () => {
    const fields = diffArticleSnapshots(base, { ...base, section: { id: 2, name: "경제" }, tags: ["국회", "세금"], hero: null, subHeadlines: ["부제 하나", "부제 둘"] });
    const byName = Object.fromEntries(fields.map((field) => [field.field, field]));
    expect(fields.map((field) => field.label)).toEqual(["제목", "부제", "요약", "섹션", "태그", "출처 유형", "선거여론조사 표기", "대표 사진", "사진 설명", "사진 출처", "대체 텍스트", "본문"]);
    expect(fields.filter((field) => field.changed).map((field) => field.field)).toEqual(["subHeadlines", "section", "tags", "hero"]);
    expect(byName.section?.segments).toEqual([
      { kind: "removed", text: "정치" },
      { kind: "added", text: "경제" },
    ]);
    expect(byName.tags?.segments).toEqual([
      { kind: "same", text: "국회" },
      { kind: "same", text: ", " },
      { kind: "removed", text: "예산" },
      { kind: "same", text: ", " },
      { kind: "added", text: "세금" },
    ]);
    expect(byName.hero?.segments).toEqual([{ kind: "removed", text: "국회의사당" }]);
    expect(byName.subHeadlines?.segments).toEqual([
      { kind: "same", text: "부제 하나" },
      { kind: "added", text: "\n부제 둘" },
    ]);
    expect(byName.headline).toEqual({ field: "headline", label: "제목", changed: false, segments: [{ kind: "same", text: "제목" }] });
  });

  it("shows a changed poll particular as its own line changed, word by word", () => {
    const before = "종류: 최초 공표 (제18조 제1항)\n표본 크기: 1,003명\n응답률: 12.4%\n선관위 등록 확인: 아니오";
    const after = "종류: 최초 공표 (제18조 제1항)\n표본 크기: 1,003명\n응답률: 10.2%\n선관위 등록 확인: 예";
    const poll = diffArticleSnapshots({ ...base, pollSurvey: before }, { ...base, pollSurvey: after }).find((field) => field.field === "pollSurvey");
    expect(poll?.changed).toBe(true);
    expect(poll?.segments.filter((segment) => segment.kind !== "same")).toEqual([
      { kind: "removed", text: "12.4" },
      { kind: "added", text: "10.2" },
      { kind: "removed", text: "아니오" },
      { kind: "added", text: "예" },
    ]);
  });
});
