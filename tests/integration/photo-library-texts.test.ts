// The photo library remembers: the caption, credit and alt text a writer gives a photo in a story
// fill the library's blank fields when the story is saved, so the next person to use the photo finds
// them; a story's own different text stays the story's (the library is never overwritten), and the
// main photo's alt text can be the story's own too (heroAlt), printed on the public page.
import { beforeAll, describe, expect, it } from "vitest";
import { createArticleDraft, saveArticle } from "@/lib/articles/editor/edit-article";
import { getArticlePreview } from "@/lib/articles/public/article-preview";
import { storedSubmissionProblems } from "@/lib/articles/workflow/submission-story";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import { createStaff } from "../support/staff-fixtures";

let intern: StaffUser;
let reporter: StaffUser;

const newPhoto = (uploaderId: string, texts: { altText?: string; caption?: string; credit?: string } = {}) =>
  db.media.create({
    data: { storageKey: `m/pl/${Math.random().toString(36).slice(2)}.jpg`, mimeType: "image/jpeg", byteSize: 1000, width: 1200, height: 800, uploaderId, ...texts },
  });

const figure = (mediaId: string, texts: { alt: string; caption: string; credit: string }) => ({ type: "figure", attrs: { mediaId, ...texts } });
const bodyWith = (...figures: ReturnType<typeof figure>[]) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "사진 기사" }] }, ...figures] });
const textsOf = async (id: string) => db.media.findUniqueOrThrow({ where: { id }, select: { altText: true, caption: true, credit: true } });

beforeAll(async () => {
  intern = await createStaff("REPORTER", { title: "인턴기자" });
  reporter = await createStaff("REPORTER");
});

describe("the photo library keeps the texts a story gives its photos", () => {
  it("an explicit save fills the library's blank caption, credit and alt text from a body photo", async () => {
    const photo = await newPhoto(intern.id);
    const draft = await createArticleDraft(intern, { headline: "열람실 사진 기사" });
    await saveArticle(intern, draft.id, { version: draft.version, body: bodyWith(figure(photo.id, { alt: "책상이 줄지어 놓인 열람실", caption: "새로 문을 연 열람실", credit: "사진=누리일보" })) });
    expect(await textsOf(photo.id)).toEqual({ altText: "책상이 줄지어 놓인 열람실", caption: "새로 문을 연 열람실", credit: "사진=누리일보" });
  });

  it("works for a colleague's photo too, and never overwrites what the library already has: the story's text is its own", async () => {
    const photo = await newPhoto(intern.id, { caption: "처음 적은 설명" });
    const draft = await createArticleDraft(reporter, { headline: "동료 사진을 쓴 기사" });
    await saveArticle(reporter, draft.id, { version: draft.version, body: bodyWith(figure(photo.id, { alt: "광장의 시민들", caption: "이 기사만의 설명", credit: "사진=누리일보 이준혁 기자" })) });
    expect(await textsOf(photo.id)).toEqual({ altText: "광장의 시민들", caption: "처음 적은 설명", credit: "사진=누리일보 이준혁 기자" });
    const stored = await db.article.findUniqueOrThrow({ where: { id: draft.id }, select: { bodyJson: true } });
    expect(JSON.stringify(stored.bodyJson)).toContain("이 기사만의 설명");
  });

  it("an autosave does not fill the library (the writer may be half-way through a word), nor an autosave that creates the story; an explicit creation does", async () => {
    const photo = await newPhoto(intern.id);
    const draft = await createArticleDraft(intern, { headline: "자동 저장 기사" });
    await saveArticle(intern, draft.id, { version: draft.version, autosave: true, body: bodyWith(figure(photo.id, { alt: "반쯤 쓴", caption: "", credit: "" })) });
    expect(await textsOf(photo.id)).toEqual({ altText: "", caption: "", credit: "" });
    await createArticleDraft(intern, { headline: "첫 저장", autosave: true, body: bodyWith(figure(photo.id, { alt: "반쯤", caption: "반", credit: "" })) });
    expect(await textsOf(photo.id)).toEqual({ altText: "", caption: "", credit: "" });
    await createArticleDraft(intern, { headline: "저장 단추로 만든 기사", body: bodyWith(figure(photo.id, { alt: "다 쓴 대체 텍스트", caption: "다 쓴 설명", credit: "사진=누리일보" })) });
    expect(await textsOf(photo.id)).toEqual({ altText: "다 쓴 대체 텍스트", caption: "다 쓴 설명", credit: "사진=누리일보" });
  });

  it("the main photo: the story's own alt text is kept, fills a blank library, and is what readers' pages print", async () => {
    const photo = await newPhoto(intern.id, { altText: "보관함의 대체 텍스트" });
    const draft = await createArticleDraft(intern, { headline: "대표 사진 기사" });
    const saved = await saveArticle(intern, draft.id, { version: draft.version, heroImageId: photo.id, heroCaption: "개관 첫날의 열람실", heroCredit: "사진=누리일보", heroAlt: "열람실 책상에 앉은 시민들" });
    expect(saved.heroAlt).toBe("열람실 책상에 앉은 시민들");
    expect(await textsOf(photo.id)).toEqual({ altText: "보관함의 대체 텍스트", caption: "개관 첫날의 열람실", credit: "사진=누리일보" });
    const preview = await getArticlePreview(intern, draft.id);
    expect(preview.hero?.alt).toBe("열람실 책상에 앉은 시민들");
    const revision = await db.articleRevision.findFirstOrThrow({ where: { articleId: draft.id }, orderBy: { number: "desc" } });
    expect(revision.heroAlt).toBe("열람실 책상에 앉은 시민들");
  });

  it("a main photo without alt text of its own falls back to the library's, for the submission check and the page", async () => {
    const photo = await newPhoto(intern.id, { altText: "보관함에만 있는 설명" });
    const draft = await createArticleDraft(intern, { headline: "대표 사진 대체 텍스트 없음", heroImageId: photo.id, heroCredit: "사진=누리일보" });
    expect((await storedSubmissionProblems(db, draft.id)).map((problem) => problem.message).join(" ")).not.toContain("대표 사진");
    expect((await getArticlePreview(intern, draft.id)).hero?.alt).toBe("보관함에만 있는 설명");
    const bare = await newPhoto(intern.id);
    const other = await createArticleDraft(intern, { headline: "대체 텍스트 없는 대표 사진", heroImageId: bare.id, heroCredit: "사진=누리일보" });
    expect((await storedSubmissionProblems(db, other.id)).map((problem) => problem.message)).toContain("대표 사진: 대체 텍스트가 없습니다.");
  });
});
