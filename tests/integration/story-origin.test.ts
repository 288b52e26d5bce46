// Where a story comes from (출처 유형), against the real database: required at submission (with
// the agency, issuer or provider where the kind has one), saved through the save API's schema,
// kept in revisions and diffs, shown to the desk, and printed for readers from the LIVE revision
// only (a pending change of origin stays private until the desk approves it), in JSON-LD too.
import { beforeAll, describe, expect, it } from "vitest";
import { createArticleDraft, saveArticle } from "@/lib/articles/editor/edit-article";
import { getDeskReview } from "@/lib/articles/workflow/desk-review";
import { getArticlePreview } from "@/lib/articles/public/article-preview";
import { getPublicArticle } from "@/lib/articles/public/public-queries";
import { diffArticle, getRevision, restoreRevision } from "@/lib/articles/revisions/revision-history";
import { approveArticle, submitArticle } from "@/lib/articles/workflow/transitions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import { articleJsonLd } from "@/lib/seo/article-metadata";
import { refusalOf } from "../support/refusal";
import { createStaff } from "../support/staff-fixtures";
import { submittableBody, testSectionId, versionOf } from "../support/story-fixtures";

let reporter: StaffUser;
let editor: StaffUser;

beforeAll(async () => {
  reporter = await createStaff("REPORTER");
  editor = await createStaff("EDITOR");
});


/** A draft that meets every submission check but the origin. */
async function draftWithoutOrigin(headline = "시청 앞 광장 재구조화 착공") {
  return createArticleDraft(reporter, { headline, sectionId: await testSectionId(), body: submittableBody() });
}

describe("the submission rule", () => {
  it("a story goes to the desk only with an origin, and with the agency, issuer or provider its kind names", async () => {
    const draft = await draftWithoutOrigin();
    const none = await refusalOf(submitArticle(reporter, draft.id));
    expect(none?.code).toBe("VALIDATION");
    expect(none?.message).toContain("출처 유형(자체 취재, 통신, 보도자료, 기고·칼럼, 외부 제공)을 고르지 않았습니다.");
    expect(none?.details?.problems).toEqual([{ field: "origin", message: expect.stringContaining("출처 유형") }]);

    await saveArticle(reporter, draft.id, { version: await versionOf(draft.id), origin: "WIRE" });
    expect((await refusalOf(submitArticle(reporter, draft.id)))?.message).toContain("통신사를 적지 않았습니다.");
    await saveArticle(reporter, draft.id, { version: await versionOf(draft.id), origin: "PRESS_RELEASE", originSource: "   " });
    expect((await refusalOf(submitArticle(reporter, draft.id)))?.message).toContain("보도자료를 낸 곳을 적지 않았습니다.");
    await saveArticle(reporter, draft.id, { version: await versionOf(draft.id), origin: "EXTERNAL", originSource: "" });
    expect((await refusalOf(submitArticle(reporter, draft.id)))?.message).toContain("기사를 제공한 곳을 적지 않았습니다.");
    // Still a draft after every refusal; the desk's review of the draft lists the same problem.
    expect((await db.article.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DRAFT");
    expect((await getDeskReview(editor, draft.id)).submissionProblems.map((problem) => problem.field)).toEqual(["origin"]);

    await saveArticle(reporter, draft.id, { version: await versionOf(draft.id), origin: "WIRE", originSource: "뉴시스" });
    expect(await refusalOf(submitArticle(reporter, draft.id))).toBeNull();
    expect((await db.article.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("SUBMITTED");
  });

  it("자체 취재 and 기고·칼럼 need no source", async () => {
    for (const origin of ["OWN_REPORTING", "CONTRIBUTION"] as const) {
      const draft = await draftWithoutOrigin(`출처 ${origin}`);
      await saveArticle(reporter, draft.id, { version: 1, origin });
      expect(await refusalOf(submitArticle(reporter, draft.id)), origin).toBeNull();
    }
  });
});

describe("saving an origin", () => {
  it("is a field of the save API: validated in Korean, kept with its kind, snapshotted in revisions, compared in diffs, restored", async () => {
    const draft = await draftWithoutOrigin("보도자료 기사");
    expect(draft).toMatchObject({ origin: null, originSource: "" });

    const bad = await refusalOf(saveArticle(reporter, draft.id, { version: 1, origin: "BLOG" }));
    expect(bad?.code).toBe("VALIDATION");
    expect(bad?.message).toContain("출처 유형은 자체 취재, 통신, 보도자료, 기고·칼럼, 외부 제공 가운데 고르세요.");
    expect((await refusalOf(saveArticle(reporter, draft.id, { version: 1, origin: "WIRE", originSource: "가".repeat(61) })))?.message).toContain("60자 이하");
    expect(await versionOf(draft.id)).toBe(1);

    const pressRelease = await saveArticle(reporter, draft.id, { version: 1, origin: "PRESS_RELEASE", originSource: "  고양특례시  " });
    expect(pressRelease).toMatchObject({ origin: "PRESS_RELEASE", originSource: "고양특례시" });
    // A source belongs to its kind: turning the story into own reporting drops the issuer.
    const own = await saveArticle(reporter, draft.id, { version: pressRelease.version, origin: "OWN_REPORTING" });
    expect(own).toMatchObject({ origin: "OWN_REPORTING", originSource: "" });
    const own2 = await saveArticle(reporter, draft.id, { version: own.version, origin: "CONTRIBUTION", originSource: "남은 출처" });
    expect(own2).toMatchObject({ origin: "CONTRIBUTION", originSource: "" });
    // A save that does not mention the origin leaves it as it is.
    const headlineOnly = await saveArticle(reporter, draft.id, { version: own2.version, headline: "보도자료 기사 (고침)" });
    expect(headlineOnly).toMatchObject({ origin: "CONTRIBUTION", originSource: "" });

    const revisions = await db.articleRevision.findMany({ where: { articleId: draft.id }, orderBy: { number: "asc" }, select: { number: true, origin: true, originSource: true } });
    expect(revisions.map((revision) => [revision.origin, revision.originSource])).toEqual([
      [null, ""],
      ["PRESS_RELEASE", "고양특례시"],
      ["OWN_REPORTING", ""],
      ["CONTRIBUTION", ""],
      ["CONTRIBUTION", ""],
    ]);
    expect(await getRevision(reporter, draft.id, 2)).toMatchObject({ origin: "PRESS_RELEASE", originSource: "고양특례시" });

    const diff = await diffArticle(reporter, draft.id, { from: "2", to: "current" });
    expect(diff.fields.find((field) => field.field === "origin")).toEqual({
      field: "origin",
      label: "출처 유형",
      changed: true,
      segments: [
        { kind: "removed", text: "보도자료 · 고양특례시" },
        { kind: "added", text: "기고·칼럼" },
      ],
    });
    const unchanged = await diffArticle(reporter, draft.id, { from: "4", to: "current" });
    expect(unchanged.fields.find((field) => field.field === "origin")).toMatchObject({ changed: false, segments: [{ kind: "same", text: "기고·칼럼" }] });
    expect((await diffArticle(reporter, draft.id, { from: "1", to: "2" })).fields.find((field) => field.field === "origin")?.segments).toEqual([
      { kind: "removed", text: "출처 미기록" },
      { kind: "added", text: "보도자료 · 고양특례시" },
    ]);

    const restored = await restoreRevision(reporter, draft.id, 2, { version: headlineOnly.version });
    expect(restored).toMatchObject({ origin: "PRESS_RELEASE", originSource: "고양특례시" });
  });

  it("a new story may carry its origin from the start (a wire importer)", async () => {
    const draft = await createArticleDraft(reporter, { headline: "통신 기사", origin: "WIRE", originSource: "연합뉴스" });
    expect(draft).toMatchObject({ origin: "WIRE", originSource: "연합뉴스" });
    const own = await createArticleDraft(reporter, { headline: "자체 기사", origin: "OWN_REPORTING", originSource: "연합뉴스" });
    expect(own).toMatchObject({ origin: "OWN_REPORTING", originSource: "" });
  });
});

describe("what the desk and readers see", () => {
  it("the desk's review names the origin; readers see the LIVE revision's source, and JSON-LD carries it", async () => {
    const draft = await draftWithoutOrigin("수출 석 달 연속 증가");
    await saveArticle(reporter, draft.id, { version: 1, origin: "WIRE", originSource: "연합뉴스" });
    await submitArticle(reporter, draft.id);
    const review = await getDeskReview(editor, draft.id);
    expect(review.article).toMatchObject({ origin: "WIRE", originSource: "연합뉴스" });
    expect((await getArticlePreview(editor, draft.id)).origin).toEqual({ kind: "WIRE", source: "연합뉴스" });
    expect(await getPublicArticle(draft.id)).toBeNull();

    await approveArticle(editor, draft.id, { version: await versionOf(draft.id) });
    const published = await getPublicArticle(draft.id);
    expect(published?.origin).toEqual({ kind: "WIRE", source: "연합뉴스" });
    expect(articleJsonLd(published!)).toMatchObject({ sourceOrganization: { "@type": "Organization", name: "연합뉴스" } });

    // The desk changes the origin of the live story: readers keep the approved one until approval.
    await saveArticle(editor, draft.id, { version: await versionOf(draft.id), origin: "PRESS_RELEASE", originSource: "관세청" });
    expect((await getPublicArticle(draft.id))?.origin).toEqual({ kind: "WIRE", source: "연합뉴스" });
    expect((await getArticlePreview(editor, draft.id)).origin).toEqual({ kind: "PRESS_RELEASE", source: "관세청" });
    const pending = await getDeskReview(editor, draft.id);
    expect(pending.comparison?.fields.find((field) => field.field === "origin")).toMatchObject({ changed: true });

    await approveArticle(editor, draft.id, { version: await versionOf(draft.id) });
    const corrected = await getPublicArticle(draft.id);
    expect(corrected?.origin).toEqual({ kind: "PRESS_RELEASE", source: "관세청" });
    const jsonLd = articleJsonLd(corrected!);
    expect(jsonLd).toMatchObject({ isBasedOn: { "@type": "CreativeWork", name: "관세청 보도자료", author: { "@type": "Organization", name: "관세청" } } });
    expect(jsonLd).not.toHaveProperty("sourceOrganization");
  });

  it("a story of the paper's own reporting carries no source line or JSON-LD source", async () => {
    const draft = await draftWithoutOrigin("자체 취재 기사");
    await saveArticle(reporter, draft.id, { version: 1, origin: "OWN_REPORTING" });
    await submitArticle(reporter, draft.id);
    await approveArticle(editor, draft.id, { version: await versionOf(draft.id) });
    const published = await getPublicArticle(draft.id);
    expect(published?.origin).toEqual({ kind: "OWN_REPORTING", source: "" });
    const jsonLd = articleJsonLd(published!);
    expect(jsonLd).not.toHaveProperty("sourceOrganization");
    expect(jsonLd).not.toHaveProperty("isBasedOn");
  });
});
