// Saving from the editor: partial saves with summary and tags, the 409 that stores nothing,
// autosave revisions spaced out per person, restore as a new revision, the diff of two states,
// and the ArticleOut every save answers with.
import { beforeAll, describe, expect, it } from "vitest";
import { approveArticle, submitArticle } from "@/lib/articles/workflow/transitions";
import { createArticleDraft, saveArticle } from "@/lib/articles/editor/edit-article";
import { getArticleOut } from "@/lib/articles/newsroom-articles";
import { AUTOSAVE_REVISION_INTERVAL_MS } from "@/lib/articles/revisions/revisions";
import { diffArticle, getRevision, listRevisions, restoreRevision } from "@/lib/articles/revisions/revision-history";
import { searchTags } from "@/lib/articles/tags";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { createMedia, createStaff } from "../support/staff-fixtures";
import { submittableDraft } from "../support/story-fixtures";
import { absoluteUrl } from "@/lib/config/site";

const MINUTE = 60_000;
const doc = (...paragraphs: string[]) => ({ type: "doc", content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) });

let reporter: StaffUser;
let editor: StaffUser;
let sectionId: number;

beforeAll(async () => {
  reporter = await createStaff("REPORTER", { name: "이준혁" });
  editor = await createStaff("EDITOR", { name: "박서연" });
  sectionId = (await db.section.create({ data: { slug: `politics-${Date.now()}`, name: "정치" } })).id;
});

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: unknown) => (error instanceof DomainError ? error.code : `unexpected: ${String(error)}`),
  );

const revisionsOf = (articleId: number) => db.articleRevision.findMany({ where: { articleId }, orderBy: { number: "asc" } });
const eventsOf = (articleId: number) => db.domainEvent.count({ where: { payload: { path: ["articleId"], equals: articleId } } });

describe("saves", () => {
  it("only the fields sent change; summary and tags are stored and answered in ArticleOut", async () => {
    const draft = await createArticleDraft(reporter, { headline: "시의회 예산 심사", body: doc("첫 문단입니다."), sectionId });
    expect(draft).toMatchObject({ status: "DRAFT", version: 1, slug: "시의회-예산-심사", summary: "", tags: [], section: { id: sectionId, name: "정치" }, url: null, hero: null });
    expect(draft.author).toEqual({ id: reporter.id, name: "이준혁", title: "기자" });

    const saved = await saveArticle(reporter, draft.id, { version: 1, summary: "  시의회가 내년 예산 심사에 들어갔다.  ", tags: ["시의회", "예산", "예산", "  내년   예산안 "] });
    expect(saved).toMatchObject({ version: 2, headline: "시의회 예산 심사", summary: "시의회가 내년 예산 심사에 들어갔다.", tags: ["시의회", "예산", "내년 예산안"] });
    expect(saved.body).toEqual(doc("첫 문단입니다."));
    expect(await getArticleOut(reporter, draft.id)).toEqual(saved);
    // The revision is a faithful copy of the working copy, tags and derived body included.
    const stored = await db.article.findUniqueOrThrow({ where: { id: draft.id } });
    const revision = (await revisionsOf(draft.id)).at(-1);
    expect(revision).toMatchObject({ number: 2, kind: "SAVE", articleVersion: 2, createdById: reporter.id, headline: stored.headline, summary: stored.summary, tagNames: ["시의회", "예산", "내년 예산안"], sectionId, bodyHtml: stored.bodyHtml, bodyText: "첫 문단입니다." });
    expect(revision?.bodyJson).toEqual(stored.bodyJson);
    expect(stored.bodyHtml).toBe("<p>첫 문단입니다.</p>");
  });

  it("creates tags on the fly with Hangul slugs, reuses them by name (letter case ignored), keeps the writer's order", async () => {
    const first = await createArticleDraft(reporter, { headline: "태그 1", tags: ["부동산 정책", "AI"] });
    const second = await createArticleDraft(reporter, { headline: "태그 2", tags: ["ai", "부동산-정책", "부동산 정책"] });
    expect(second.tags).toEqual(["AI", "부동산-정책", "부동산 정책"]);
    const tags = await db.tag.findMany({ where: { name: { in: ["부동산 정책", "부동산-정책", "AI"] } }, orderBy: { id: "asc" } });
    expect(tags.map((tag) => [tag.name, tag.slug])).toEqual([
      ["부동산 정책", "부동산-정책"],
      ["AI", "ai"],
      ["부동산-정책", "부동산-정책-2"],
    ]);
    expect(first.tags).toEqual(["부동산 정책", "AI"]);
    expect((await searchTags(reporter, { q: "부동산" })).map((tag) => tag.name)).toEqual(["부동산 정책", "부동산-정책"]);
    expect((await searchTags(reporter, { q: "정책" })).map((tag) => tag.name)).toEqual(expect.arrayContaining(["부동산 정책"]));
  });

  it("refuses more than 10 tags, a tag over 30 characters, a summary over 300, a section or photo that does not exist", async () => {
    const { id } = await createArticleDraft(reporter, { headline: "검증" });
    const tooMany = Array.from({ length: 11 }, (_, i) => `태그${i}`);
    expect(await codeOf(saveArticle(reporter, id, { version: 1, tags: tooMany }))).toBe("VALIDATION");
    expect(await codeOf(saveArticle(reporter, id, { version: 1, tags: ["가".repeat(31)] }))).toBe("VALIDATION");
    expect(await codeOf(saveArticle(reporter, id, { version: 1, summary: "가".repeat(301) }))).toBe("VALIDATION");
    expect(await codeOf(saveArticle(reporter, id, { version: 1, sectionId: 999_999 }))).toBe("VALIDATION");
    expect(await codeOf(saveArticle(reporter, id, { version: 1, heroImageId: "nosuchmedia" }))).toBe("VALIDATION");
    expect(await codeOf(saveArticle(reporter, id, { version: 1, autosave: "yes" }))).toBe("VALIDATION");
    expect((await db.article.findUniqueOrThrow({ where: { id } })).version).toBe(1);
  });

  it("a stale save is a 409 with the current version, and stores nothing: no text, tags, revision or event", async () => {
    const draft = await createArticleDraft(reporter, { headline: "원래 제목", tags: ["원래"] });
    await saveArticle(reporter, draft.id, { version: 1, headline: "첫 번째 탭" });
    const revisions = (await revisionsOf(draft.id)).length;
    const events = await eventsOf(draft.id);
    for (const autosave of [false, true]) {
      const error = await saveArticle(reporter, draft.id, { version: 1, headline: "두 번째 탭", summary: "덮어쓰기", tags: ["덮어쓴 태그"], body: doc("덮어쓴 본문"), autosave }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "CONFLICT", details: { currentVersion: 2 } });
    }
    const article = await getArticleOut(reporter, draft.id);
    expect(article).toMatchObject({ version: 2, headline: "첫 번째 탭", summary: "", tags: ["원래"] });
    expect((await revisionsOf(draft.id)).length).toBe(revisions);
    expect(await eventsOf(draft.id)).toBe(events);
    expect(await db.tag.count({ where: { name: "덮어쓴 태그" } })).toBe(0);
  });

  it("a reporter cannot save a submitted story; the desk's save of a live story is a pending update", async () => {
    const draft = await submittableDraft(reporter, { headline: "송고할 기사" });
    await submitArticle(reporter, draft.id);
    expect(await codeOf(saveArticle(reporter, draft.id, { version: 2, headline: "몰래" }))).toBe("FORBIDDEN");
    await approveArticle(editor, draft.id, { version: 2 });
    const live = await getArticleOut(editor, draft.id);
    expect(live.url).toBe(absoluteUrl(`/articles/${draft.id}/${encodeURIComponent("송고할-기사")}`));
    const updated = await saveArticle(editor, draft.id, { version: live.version, headline: "고친 제목", autosave: true });
    // Readers' address keeps the approved slug.
    expect(updated).toMatchObject({ hasPendingUpdate: true, status: "PUBLISHED", slug: "송고할-기사" });
  });

  it("answers with the hero photo as MediaOut", async () => {
    const photo = await createMedia(reporter.id, { caption: "광장", credit: "누리일보", altText: "광장의 시민들" });
    const saved = await saveArticle(reporter, (await createArticleDraft(reporter, { headline: "사진 기사" })).id, { version: 1, heroImageId: photo.id, heroCaption: "광장에 모인 시민들" });
    expect(saved.hero).toMatchObject({ id: photo.id, alt: "광장의 시민들", url: `/media/${photo.storageKey}`, uploader: { id: reporter.id } });
    expect(saved.heroCaption).toBe("광장에 모인 시민들");
  });
});

describe("autosave revisions", () => {
  it("two autosaves within 5 minutes make one AUTOSAVE revision; after 5 minutes a second; an explicit save always makes one", async () => {
    expect(AUTOSAVE_REVISION_INTERVAL_MS).toBe(5 * MINUTE);
    const t0 = new Date(Date.now() - 60 * MINUTE);
    const at = (minutes: number) => new Date(t0.getTime() + minutes * MINUTE);
    const draft = await createArticleDraft(reporter, { headline: "자동 저장" }, t0);
    let version = draft.version;
    const autosave = async (minutes: number, text: string, actor = reporter) => {
      const saved = await saveArticle(actor, draft.id, { version, body: doc(text), autosave: true }, at(minutes));
      version = saved.version;
      return saved;
    };
    const kinds = async () => (await revisionsOf(draft.id)).map((revision) => `${revision.kind}:${revision.createdById === reporter.id ? "R" : "E"}`);

    await autosave(10, "첫 자동 저장");
    await autosave(12, "두 번째 자동 저장");
    expect(await kinds()).toEqual(["SAVE:R", "AUTOSAVE:R"]);
    // The working copy has every autosave, even without a revision.
    expect((await getArticleOut(reporter, draft.id)).body).toEqual(doc("두 번째 자동 저장"));

    await autosave(14.9, "4.9분 뒤");
    await autosave(10 + 5, "정확히 5분 뒤: 아직 5분보다 오래되지 않음");
    expect(await kinds()).toEqual(["SAVE:R", "AUTOSAVE:R"]);
    await autosave(10 + 5 + 0.01, "5분이 지남");
    expect(await kinds()).toEqual(["SAVE:R", "AUTOSAVE:R", "AUTOSAVE:R"]);

    // Another person's autosaves are spaced by their own revisions, not the reporter's.
    version = (await saveArticle(editor, draft.id, { version, body: doc("데스크 자동 저장"), autosave: true }, at(16))).version;
    expect(await kinds()).toEqual(["SAVE:R", "AUTOSAVE:R", "AUTOSAVE:R", "AUTOSAVE:E"]);

    version = (await saveArticle(reporter, draft.id, { version, body: doc("명시적 저장") }, at(17))).version;
    version = (await saveArticle(reporter, draft.id, { version, body: doc("바로 또 명시적 저장") }, at(17.5))).version;
    await autosave(18, "저장 직후 자동 저장");
    expect(await kinds()).toEqual(["SAVE:R", "AUTOSAVE:R", "AUTOSAVE:R", "AUTOSAVE:E", "SAVE:R", "SAVE:R"]);
    const last = (await revisionsOf(draft.id)).at(-1);
    expect(last?.createdAt.getTime()).toBe(at(17.5).getTime());
  });
});

describe("restore", () => {
  it("brings an old revision back as a new RESTORE revision; nothing is deleted", async () => {
    const photo = await createMedia(reporter.id);
    const draft = await createArticleDraft(reporter, { headline: "첫 제목", summary: "첫 요약", tags: ["첫태그"], body: doc("첫 본문"), heroImageId: photo.id, sectionId });
    const second = await saveArticle(reporter, draft.id, { version: 1, headline: "둘째 제목", summary: "", tags: ["둘째태그"], body: doc("둘째 본문"), heroImageId: null, sectionId: null });
    const third = await saveArticle(reporter, draft.id, { version: second.version, headline: "셋째 제목" });
    const before = await revisionsOf(draft.id);
    const events = await eventsOf(draft.id);

    expect(await codeOf(restoreRevision(reporter, draft.id, 1, { version: second.version }))).toBe("CONFLICT");
    expect(await codeOf(restoreRevision(reporter, draft.id, 99, { version: third.version }))).toBe("NOT_FOUND");
    expect(await eventsOf(draft.id)).toBe(events);

    const restored = await restoreRevision(reporter, draft.id, 1, { version: third.version });
    expect(restored).toMatchObject({ version: third.version + 1, headline: "첫 제목", summary: "첫 요약", tags: ["첫태그"], heroImageId: photo.id, sectionId, body: doc("첫 본문") });
    const after = await revisionsOf(draft.id);
    expect(after.map((revision) => revision.number)).toEqual([1, 2, 3, 4]);
    expect(after.slice(0, 3)).toEqual(before);
    expect(after[3]).toMatchObject({ kind: "RESTORE", note: "1번 판을 되살림", headline: "첫 제목", tagNames: ["첫태그"], summary: "첫 요약" });
    expect(await db.domainEvent.count({ where: { type: "article.restored", payload: { path: ["articleId"], equals: draft.id } } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "article.restore", targetId: String(draft.id) } })).toBe(1);
  });

  it("follows the save rules: a reporter cannot restore into a submitted story, another reporter not at all", async () => {
    const draft = await submittableDraft(reporter, { headline: "송고 전" });
    await submitArticle(reporter, draft.id);
    expect(await codeOf(restoreRevision(reporter, draft.id, 1, { version: 2 }))).toBe("FORBIDDEN");
    const other = await createStaff("REPORTER");
    expect(await codeOf(restoreRevision(other, draft.id, 1, { version: 2 }))).toBe("FORBIDDEN");
    expect(await codeOf(restoreRevision(editor, draft.id, 1, { version: 2 }))).toBe("ok");
  });
});

describe("history and diff", () => {
  it("lists revisions newest first with who and kind; one revision's content; refuses other reporters", async () => {
    const draft = await createArticleDraft(reporter, { headline: "기록", tags: ["기록"] });
    await saveArticle(editor, draft.id, { version: 1, summary: "데스크 요약" });
    const list = await listRevisions(reporter, draft.id);
    expect(list.map((revision) => [revision.number, revision.kind, revision.createdBy.name])).toEqual([
      [2, "SAVE", "박서연"],
      [1, "SAVE", "이준혁"],
    ]);
    expect(list[0]).toMatchObject({ articleVersion: 2, note: null });
    expect(await getRevision(reporter, draft.id, 2)).toMatchObject({ number: 2, headline: "기록", summary: "데스크 요약", tags: ["기록"], body: { type: "doc" } });
    const other = await createStaff("REPORTER");
    expect(await codeOf(listRevisions(other, draft.id))).toBe("FORBIDDEN");
    expect(await codeOf(diffArticle(other, draft.id, { from: "1" }))).toBe("FORBIDDEN");
  });

  it("diffs Korean text word by word: a changed word, an added sentence, a changed particle", async () => {
    const draft = await createArticleDraft(reporter, { headline: "정부가 내년 예산을 늘렸다", body: doc("시장은 어제 기자회견을 열었다.", "둘째 문단은 그대로다.") });
    await saveArticle(reporter, draft.id, { version: 1, headline: "정부는 내년 예산을 늘렸다", body: doc("시장은 오늘 기자회견을 열었다. 야당은 반발했다.", "둘째 문단은 그대로다."), tags: ["예산"] });
    const { diff } = { diff: await diffArticle(reporter, draft.id, { from: "1", to: "current" }) };
    const field = (name: string) => diff.fields.find((entry) => entry.field === name)!;
    expect(diff.from).toBe(1);
    expect(diff.to).toBe("current");
    expect(field("headline")).toEqual({
      field: "headline",
      label: "제목",
      changed: true,
      segments: [
        { kind: "removed", text: "정부가" },
        { kind: "added", text: "정부는" },
        { kind: "same", text: " 내년 예산을 늘렸다" },
      ],
    });
    expect(field("body").segments).toEqual([
      { kind: "same", text: "시장은 " },
      { kind: "removed", text: "어제" },
      { kind: "added", text: "오늘" },
      { kind: "same", text: " 기자회견을 열었다." },
      { kind: "added", text: " 야당은 반발했다." },
      { kind: "same", text: "\n둘째 문단은 그대로다." },
    ]);
    expect(field("tags")).toMatchObject({ label: "태그", changed: true, segments: [{ kind: "added", text: "예산" }] });
    expect(field("summary")).toMatchObject({ changed: false, segments: [] });
    expect(diff.fields.map((entry) => entry.field)).toEqual(["headline", "subHeadlines", "summary", "section", "tags", "origin", "pollSurvey", "hero", "heroCaption", "heroCredit", "heroAlt", "body"]);
    // The same two states by number.
    expect((await diffArticle(reporter, draft.id, { from: "1", to: "2" })).fields).toEqual(diff.fields);
    expect(await codeOf(diffArticle(reporter, draft.id, { from: "1", to: "live" }))).toBe("NOT_FOUND");
    expect(await codeOf(diffArticle(reporter, draft.id, { from: "0" }))).toBe("VALIDATION");
    expect(await codeOf(diffArticle(reporter, draft.id, { from: "first" }))).toBe("VALIDATION");
  });
});
