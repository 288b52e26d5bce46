// Korean search end to end on a real database: stories go live through the desk workflow (the
// index follows through its domain events), then readers search the way they type.
import { beforeAll, describe, expect, it } from "vitest";
import { createArticleDraft, saveArticle } from "@/lib/articles/editor/edit-article";
import { approveArticle, submitArticle, unpublishArticle } from "@/lib/articles/workflow/transitions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import { parseSearchQuery } from "@/lib/search/search-query";
import { SEARCH_PAGE_SIZE, searchStories } from "@/lib/search/search-stories";
import { createStaff } from "../support/staff-fixtures";
import { SEARCH_NEUTRAL_FILLER, testSectionId, versionOf } from "../support/story-fixtures";

const HOUR = 3_600_000;
const paragraph = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

let reporter: StaffUser;
let editor: StaffUser;
const ids: Record<string, number> = {};


async function publish(headline: string, body: string, publishAt?: Date): Promise<number> {
  // A section and a second paragraph of neutral filler meet the submission checks without
  // adding any word the searches below look for.
  const draft = await createArticleDraft(reporter, { headline, sectionId: await testSectionId(), origin: "OWN_REPORTING", body: { type: "doc", content: [...paragraph(body).content, ...paragraph(SEARCH_NEUTRAL_FILLER).content] } });
  await submitArticle(reporter, draft.id);
  await approveArticle(editor, draft.id, { version: await versionOf(draft.id), ...(publishAt ? { publishAt: publishAt.toISOString() } : {}) });
  return draft.id;
}

/** What a reader finds for what they typed (first page), by story id. */
async function find(typed: string, now = new Date()): Promise<number[]> {
  const query = parseSearchQuery(typed);
  if (query.kind !== "terms") throw new Error(`no terms in ${typed}`);
  return (await searchStories(query.terms, 1, now)).hits.map((hit) => hit.id);
}

beforeAll(async () => {
  reporter = await createStaff("REPORTER");
  editor = await createStaff("EDITOR");
  // Oldest first: ids.cityHall is the newest.
  ids.freeZone = await publish("경제자유구역 지정 총력", "[누리일보 기자] 고양특례시가 경제자유구역 지정을 목표로 해외 협력에 나섰다.");
  ids.library = await publish("고양시 도서관 새로 문 열어", "시립 도서관이 리모델링을 마치고 다시 문을 열었다. 고양시는 개관 행사를 연다.");
  ids.busan = await publish("부산 항만 물동량 늘어", "부산항의 컨테이너 물동량이 석 달 연속 늘었다. 고양이 사진전도 열린다.");
  ids.cityHall = await publish("시청 앞 광장 공사 시작", "고양시청 앞 광장이 새 단장에 들어간다. 경제 효과도 기대된다.");
});

describe("Korean search", () => {
  it("a two-syllable word finds stories containing it inside longer words", async () => {
    const found = await find("고양");
    for (const key of ["freeZone", "library", "busan", "cityHall"]) expect(found, key).toContain(ids[key]);
  });

  it("a word with a particle finds the stories about the noun", async () => {
    for (const typed of ["고양시가", "고양시는", "고양시를", "고양시에서"]) {
      const found = await find(typed);
      expect(found, typed).toEqual(expect.arrayContaining([ids.library, ids.cityHall]));
      expect(found, typed).not.toContain(ids.busan);
      expect(found, typed).not.toContain(ids.freeZone); // 고양특례시 is not 고양시
    }
  });

  it("several words narrow the results (all must occur)", async () => {
    expect(await find("고양 경제")).toEqual(expect.arrayContaining([ids.freeZone, ids.cityHall]));
    expect(await find("고양 경제")).not.toContain(ids.library);
    expect(await find("고양시 도서관")).toEqual([ids.library]);
    expect(await find("부산 도서관")).toEqual([]);
  });

  it("stories with every word in the headline come first, then the newest", async () => {
    // 경제: in freeZone's headline; in cityHall's body only (cityHall is newer).
    expect(await find("경제")).toEqual([ids.freeZone, ids.cityHall]);
    // 고양시: in library's headline; cityHall (newer) has it in its body only.
    expect((await find("고양시")).slice(0, 2)).toEqual([ids.library, ids.cityHall]);
  });

  it("pages through many results without repeating or skipping one", async () => {
    const many: number[] = [];
    for (let i = 0; i < SEARCH_PAGE_SIZE + 3; i++) many.push(await publish(`김장 나눔 행사 ${i}회`, `올해도 김장 나눔이 열렸다. 순번 ${i}.`));
    const first = await searchStories(["김장"], 1);
    const second = await searchStories(["김장"], 2);
    expect(first.total).toBe(many.length);
    expect(first.pageCount).toBe(2);
    expect(first.hits).toHaveLength(SEARCH_PAGE_SIZE);
    expect([...first.hits, ...second.hits].map((hit) => hit.id).sort((a, b) => a - b)).toEqual(many);
    expect((await searchStories(["김장"], 99)).page).toBe(2);
  });

  it("a scheduled story is not found before its time and is found after it, with no step in between", async () => {
    const at = new Date(Date.now() + 2 * HOUR);
    const id = await publish("예약 발행 시험 기사", "예약된 기사의 본문에는 흑두루미라는 낱말이 있다.", at);
    expect(await find("흑두루미")).toEqual([]);
    expect(await find("흑두루미", new Date(at.getTime() + 1000))).toEqual([id]);
  });

  it("finds the live text only: an unapproved update is not searchable until approved, a withdrawn story never again", async () => {
    const id = await publish("철새 도래지 탐조 행사", "저어새를 보러 온 시민들이 많았다.");
    const version = await versionOf(id);
    await saveArticle(editor, id, { version, headline: "철새 도래지 탐조 행사", body: paragraph("수정본에만 있는 낱말 황새치.") });
    expect(await find("황새치")).toEqual([]);
    expect(await find("저어새를")).toEqual([id]);
    await approveArticle(editor, id, { version: await versionOf(id) });
    expect(await find("황새치")).toEqual([id]);
    expect(await find("저어새를")).toEqual([]);
    await unpublishArticle(editor, id, { reason: "오보" });
    expect(await find("황새치")).toEqual([]);
    expect(await db.articleSearchDocument.count({ where: { articleId: id } })).toBe(0);
  });

  it("reader input is only ever data: symbols and SQL-looking text find nothing and break nothing", async () => {
    expect(parseSearchQuery("%_%").kind).toBe("no-words");
    expect(await find("'; DROP TABLE \"Article\"; --")).toEqual([]);
    expect(await db.article.count()).toBeGreaterThan(0);
  });
});
