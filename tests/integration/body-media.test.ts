// Body images are our own media rows, checked at save; the stored HTML says which renderer made
// it, and HTML from an older renderer is rebuilt from the JSON.
import { beforeAll, describe, expect, it } from "vitest";
import { BODY_RENDER_VERSION } from "@/lib/articles/body/body-extensions";
import { createArticleDraft, saveArticle } from "@/lib/articles/editor/edit-article";
import { rerenderStaleBodies } from "@/lib/articles/body/rerender-bodies";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { createStaff } from "../support/staff-fixtures";

let reporter: StaffUser;
let mediaId: string;

beforeAll(async () => {
  reporter = await createStaff("REPORTER", { title: "인턴기자" });
  const media = await db.media.create({
    data: {
      storageKey: "m/aa/body-test.jpg",
      mimeType: "image/jpeg",
      byteSize: 1000,
      width: 1600,
      height: 1067,
      variants: [{ width: 480, height: 320, jpegKey: "m/aa/body-test-480.jpg", webpKey: "m/aa/body-test-480.webp" }],
    },
  });
  mediaId = media.id;
});

const withFigure = (id: string) => ({
  type: "doc",
  content: [
    { type: "paragraph", content: [{ type: "text", text: "사진 기사" }] },
    { type: "figure", attrs: { mediaId: id, alt: "시청 광장", caption: "광장의 시민들", credit: "사진=누리일보" } },
    { type: "youtube", attrs: { videoId: "dQw4w9WgXcQ" } },
  ],
});

describe("saving a body with images", () => {
  it("renders our own image as <picture> with its sizes, and records the renderer version", async () => {
    const draft = await createArticleDraft(reporter, { headline: "사진이 든 기사", body: withFigure(mediaId) });
    const stored = await db.article.findUniqueOrThrow({ where: { id: draft.id } });
    expect(stored.renderVersion).toBe(BODY_RENDER_VERSION);
    expect(stored.bodyHtml).toContain('<img src="/media/m/aa/body-test.jpg" srcset="/media/m/aa/body-test-480.jpg 480w"');
    expect(stored.bodyHtml).toContain('width="1600" height="1067"');
    expect(stored.bodyHtml).toContain('<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"');
    const revision = await db.articleRevision.findFirstOrThrow({ where: { articleId: draft.id } });
    expect(revision.renderVersion).toBe(BODY_RENDER_VERSION);
  });

  it("refuses an image id that is not in our media library, storing nothing", async () => {
    const error = await createArticleDraft(reporter, { headline: "없는 사진", body: withFigure("nosuchmedia1") }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("VALIDATION");
    expect((error as DomainError).details).toMatchObject({ missingMediaIds: ["nosuchmedia1"] });
    expect(await db.article.count({ where: { headline: "없는 사진" } })).toBe(0);

    const draft = await createArticleDraft(reporter, { headline: "멀쩡한 기사" });
    const save = saveArticle(reporter, draft.id, { version: draft.version, headline: "멀쩡한 기사", body: withFigure("nosuchmedia2") });
    await expect(save).rejects.toMatchObject({ code: "VALIDATION" });
    expect((await db.article.findUniqueOrThrow({ where: { id: draft.id } })).version).toBe(draft.version);
  });
});

describe("re-rendering stored HTML", () => {
  it("rebuilds working copies and revisions made by an older renderer, leaving content, version and update time alone", async () => {
    const draft = await createArticleDraft(reporter, { headline: "옛 렌더러 기사", body: withFigure(mediaId) });
    await db.article.update({ where: { id: draft.id }, data: { bodyHtml: "<p>옛 HTML</p>", renderVersion: 1 } });
    await db.articleRevision.updateMany({ where: { articleId: draft.id }, data: { bodyHtml: "<p>옛 HTML</p>", renderVersion: 1 } });
    const before = await db.article.findUniqueOrThrow({ where: { id: draft.id } });
    // A stored body that today's schema refuses is skipped, not a reason to stop the start.
    const broken = await createArticleDraft(reporter, { headline: "깨진 기사" });
    await db.article.update({ where: { id: broken.id }, data: { bodyJson: { type: "doc", content: [{ type: "script" }] }, renderVersion: 1 } });

    const result = await rerenderStaleBodies(db);
    expect(result.articles).toBeGreaterThanOrEqual(1);
    expect(result.revisions).toBeGreaterThanOrEqual(1);
    expect(result.skipped).toContain(`article ${broken.id}`);

    const after = await db.article.findUniqueOrThrow({ where: { id: draft.id } });
    expect(after.bodyHtml).toContain("<picture>");
    expect(after.renderVersion).toBe(BODY_RENDER_VERSION);
    expect(after.version).toBe(before.version);
    expect(after.updatedAt).toEqual(before.updatedAt);
    const revision = await db.articleRevision.findFirstOrThrow({ where: { articleId: draft.id } });
    expect(revision.bodyHtml).toContain("<picture>");
    expect(await db.domainEvent.count({ where: { type: "article.rerendered" } })).toBeGreaterThanOrEqual(1);
    // Nothing left to do the second time.
    expect((await rerenderStaleBodies(db)).articles).toBe(0);
  });
});
