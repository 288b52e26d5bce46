// The editor's JSON API over real HTTP against the running app: each route answers, with the
// contract's shapes, status codes and Korean errors. (The rules behind them are tested against
// the domain functions in tests/integration; this checks the wiring.) Each test makes the story
// it works on.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ArticleOut } from "@/lib/articles/article-output";
import type { PresenceOut } from "@/lib/articles/editor/presence";
import type { ArticleDiffOut, RevisionOut, RevisionSummaryOut } from "@/lib/articles/revisions/revision-history";
import type { TagOut } from "@/lib/articles/tags";
import type { MediaOut } from "@/lib/media/media-output";
import type { SectionOut } from "@/lib/sections/newsroom-sections";
import { DEMO_STAFF } from "@/lib/seed/demo-newsroom";
import { signInOverHttp, type ApiSession } from "../support/http-session";
import { jpegWithMetadata, SVG_WITH_SCRIPT } from "../support/image-fixtures";

const baseUrl = inject("appBaseUrl");
const password = inject("demoPassword");

const ARTICLE_OUT_KEYS = [
  "id", "status", "version", "slug", "headline", "subHeadlines", "sectionId", "section", "summary", "tags", "heroImageId", "hero", "heroCaption", "heroCredit", "heroAlt", "origin", "originSource",
  "body", "pollSurvey", "deskNote", "hasPendingUpdate", "author", "createdAt", "updatedAt", "submittedAt", "approvedAt", "publishedAt", "breakingUntil", "url",
].sort();

let reporter: ApiSession;
let editor: ApiSession;

interface ErrorBody {
  error: { code: string; message: string; [detail: string]: unknown };
}
type ArticleBody = { article: ArticleOut };
type MediaBody = { media: MediaOut };
type PresenceBody = { presence: PresenceOut };

/** The response's status and JSON body, typed as the route promises (the assertions check it). */
const json = async <T>(response: Response) => ({ status: response.status, body: (await response.json()) as T });

beforeAll(async () => {
  // The intern, whose stories other e2e files leave alone.
  reporter = await signInOverHttp(baseUrl, DEMO_STAFF.intern.email, password);
  editor = await signInOverHttp(baseUrl, DEMO_STAFF.editor.email, password);
});

const createdStories: number[] = [];
afterAll(async () => {
  for (const id of createdStories) await editor.request("DELETE", `/api/v1/articles/${id}/presence`);
});

/** A draft of the intern's, made through the API; its id. */
async function newStory(fields: Record<string, unknown> = {}): Promise<number> {
  const created = await json<ArticleBody>(await reporter.request("POST", "/api/v1/articles", { headline: "편집기 API 기사", tags: ["편집기시험", "API"], ...fields }));
  if (created.status !== 201) throw new Error(`the story was not created: ${created.status}`);
  createdStories.push(created.body.article.id);
  return created.body.article.id;
}

const AUTOSAVED_BODY = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "자동 저장된 문장." }] }] };

/** A new story, autosaved once with one sentence (version 2). */
async function storyWithOneSave(): Promise<number> {
  const id = await newStory();
  const saved = await reporter.request("PATCH", `/api/v1/articles/${id}`, { version: 1, body: AUTOSAVED_BODY, autosave: true });
  if (saved.status !== 200) throw new Error(`the story was not saved: ${saved.status}`);
  return id;
}

describe("the editor API over HTTP", () => {
  it("refuses callers without a session (401) and requests from other sites (403), in Korean", async () => {
    const anonymous = await json<ErrorBody>(await fetch(`${baseUrl}/api/v1/media`));
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.message).toContain("로그인");
    const crossSite = await fetch(`${baseUrl}/api/v1/media`, { method: "POST", headers: { cookie: reporter.cookie, origin: "http://evil.example" }, body: new FormData() });
    expect(crossSite.status).toBe(403);
  });

  it("sections and a new story with summary and tags; ArticleOut has exactly the contract's fields", async () => {
    const sections = await json<{ sections: SectionOut[] }>(await reporter.request("GET", "/api/v1/sections"));
    expect(sections.status).toBe(200);
    expect(sections.body.sections.length).toBeGreaterThan(0);
    expect(Object.keys(sections.body.sections[0]!).sort()).toEqual(["id", "name", "slug"]);

    const created = await json<ArticleBody>(
      await reporter.request("POST", "/api/v1/articles", { headline: "편집기 API 기사", summary: "요약", tags: ["편집기시험", "API"], sectionId: sections.body.sections[0]!.id }),
    );
    expect(created.status).toBe(201);
    expect(Object.keys(created.body.article).sort()).toEqual(ARTICLE_OUT_KEYS);
    expect(created.body.article).toMatchObject({ version: 1, status: "DRAFT", summary: "요약", tags: ["편집기시험", "API"], url: null, author: { name: DEMO_STAFF.intern.name } });
    const articleId = created.body.article.id;
    createdStories.push(articleId);

    const fetched = await json<ArticleBody>(await reporter.request("GET", `/api/v1/articles/${articleId}`));
    expect(fetched.body.article).toEqual(created.body.article);
    const tags = await json<{ tags: TagOut[] }>(await reporter.request("GET", `/api/v1/tags?q=${encodeURIComponent("편집기")}`));
    expect(tags.body.tags.map((tag) => tag.name)).toContain("편집기시험");
  });

  it("saves (autosave), refuses a stale one with 409 and the current version", async () => {
    const articleId = await newStory();
    const saved = await json<ArticleBody>(await reporter.request("PATCH", `/api/v1/articles/${articleId}`, { version: 1, body: AUTOSAVED_BODY, autosave: true }));
    expect(saved.status).toBe(200);
    expect(saved.body.article).toMatchObject({ version: 2, body: AUTOSAVED_BODY, tags: ["편집기시험", "API"] });
    const stale = await json<ErrorBody>(await reporter.request("PATCH", `/api/v1/articles/${articleId}`, { version: 1, headline: "낡은 판" }));
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: "CONFLICT", currentVersion: 2 });
    const bad = await json<ErrorBody>(await reporter.request("PATCH", `/api/v1/articles/${articleId}`, { version: 2, tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("10개");
  });

  it("revisions, one revision, a diff and a restore", async () => {
    const articleId = await storyWithOneSave();
    const list = await json<{ revisions: RevisionSummaryOut[] }>(await reporter.request("GET", `/api/v1/articles/${articleId}/revisions`));
    expect(list.status).toBe(200);
    expect(list.body.revisions[0]).toMatchObject({ number: expect.any(Number), kind: expect.any(String), articleVersion: expect.any(Number), createdBy: { name: DEMO_STAFF.intern.name } });
    const first = await json<{ revision: RevisionOut }>(await reporter.request("GET", `/api/v1/articles/${articleId}/revisions/1`));
    expect(first.body.revision).toMatchObject({ number: 1, kind: "SAVE", headline: "편집기 API 기사", tags: ["편집기시험", "API"] });
    expect((await reporter.request("GET", `/api/v1/articles/${articleId}/revisions/999`)).status).toBe(404);

    const diff = await json<{ diff: ArticleDiffOut }>(await reporter.request("GET", `/api/v1/articles/${articleId}/diff?from=1&to=current`));
    expect(diff.status).toBe(200);
    expect(diff.body.diff.fields.find((field) => field.field === "body")).toMatchObject({ label: "본문", changed: true, segments: [{ kind: "added", text: "자동 저장된 문장." }] });
    expect((await reporter.request("GET", `/api/v1/articles/${articleId}/diff?from=abc`)).status).toBe(400);

    const current = await json<ArticleBody>(await reporter.request("GET", `/api/v1/articles/${articleId}`));
    const restored = await json<ArticleBody>(await reporter.request("POST", `/api/v1/articles/${articleId}/revisions/1/restore`, { version: current.body.article.version }));
    expect(restored.status).toBe(200);
    expect(restored.body.article).toMatchObject({ version: current.body.article.version + 1, body: { type: "doc", content: [] } });
  });

  it("presence: holding, the desk's takeover, the refused save, reopening, release", async () => {
    const articleId = await newStory();
    expect((await json<PresenceBody>(await reporter.request("POST", `/api/v1/articles/${articleId}/presence`))).body.presence).toMatchObject({ mine: true, takenOverBy: null });
    const seen = await json<PresenceBody>(await editor.request("POST", `/api/v1/articles/${articleId}/presence`, {}));
    expect(seen.body.presence).toMatchObject({ mine: false, holder: { name: DEMO_STAFF.intern.name, title: DEMO_STAFF.intern.title } });
    expect((await json<PresenceBody>(await editor.request("POST", `/api/v1/articles/${articleId}/presence`, { takeOver: true }))).body.presence.mine).toBe(true);
    const told = await json<PresenceBody>(await reporter.request("POST", `/api/v1/articles/${articleId}/presence`, {}));
    expect(told.body.presence).toMatchObject({ mine: false, takenOverBy: { name: DEMO_STAFF.editor.name } });
    const version = (await json<ArticleBody>(await reporter.request("GET", `/api/v1/articles/${articleId}`))).body.article.version;
    const refused = await json<ErrorBody>(await reporter.request("PATCH", `/api/v1/articles/${articleId}`, { version, headline: "넘긴 뒤", autosave: true }));
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: "CONFLICT", reason: "taken-over" });
    expect(refused.body.error.message).toContain(`${DEMO_STAFF.editor.name}님이 이 기사 편집을 넘겨받았습니다`);
    expect((await json<PresenceBody>(await reporter.request("POST", `/api/v1/articles/${articleId}/presence`, { opening: true }))).body.presence.takenOverBy).toBeNull();
    const released = await editor.request("DELETE", `/api/v1/articles/${articleId}/presence`);
    expect(released.status).toBe(200);
    expect((await json<PresenceBody>(await reporter.request("POST", `/api/v1/articles/${articleId}/presence`, {}))).body.presence.mine).toBe(true);
  });

  it("media: upload with IPTC pre-fill, list, get, edit, the stored copies are served as images; SVG and oversize refused", async () => {
    const form = new FormData();
    const photo = await jpegWithMetadata({ width: 1200, height: 800, iptc: { declareUtf8: true, caption: Buffer.from("편집기 시험 사진 설명", "utf8"), credit: Buffer.from("누리일보 사진부", "utf8") } });
    form.set("file", new File([new Uint8Array(photo)], "photo.jpg", { type: "image/jpeg" }));
    form.set("alt", "시험 사진");
    const uploaded = await json<MediaBody>(await reporter.upload("/api/v1/media", form));
    expect(uploaded.status).toBe(201);
    const media = uploaded.body.media;
    expect(media).toMatchObject({ alt: "시험 사진", caption: "편집기 시험 사진 설명", credit: "누리일보 사진부", width: 1200, uploader: { name: DEMO_STAFF.intern.name } });
    expect(media.variants.map((variant) => variant.width)).toEqual([480, 960, 1200]);

    const image = await fetch(`${baseUrl}${media.variants[0]!.webp}`);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/webp");
    expect(image.headers.get("x-content-type-options")).toBe("nosniff");

    const found = await json<{ media: MediaOut[]; nextCursor: string | null }>(await reporter.request("GET", `/api/v1/media?q=${encodeURIComponent("시험 사진 설명")}`));
    expect(found.body.media.map((item) => item.id)).toContain(media.id);
    expect(found.body).toHaveProperty("nextCursor");
    expect((await json<MediaBody>(await reporter.request("GET", `/api/v1/media/${media.id}`))).body.media.id).toBe(media.id);
    const edited = await json<MediaBody>(await editor.request("PATCH", `/api/v1/media/${media.id}`, { caption: "데스크가 고친 설명" }));
    expect(edited.body.media).toMatchObject({ caption: "데스크가 고친 설명", credit: "누리일보 사진부" });

    const articleId = await newStory();
    const hero = await json<ArticleBody>(await editor.request("PATCH", `/api/v1/articles/${articleId}`, { version: (await json<ArticleBody>(await editor.request("GET", `/api/v1/articles/${articleId}`))).body.article.version, heroImageId: media.id }));
    expect(hero.body.article.hero).toMatchObject({ id: media.id, url: media.url });

    const svg = new FormData();
    svg.set("file", new File([new Uint8Array(SVG_WITH_SCRIPT)], "logo.png", { type: "image/png" }));
    const refused = await json<ErrorBody>(await reporter.upload("/api/v1/media", svg));
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain("SVG");

    const huge = new FormData();
    huge.set("file", new File([new Uint8Array(22 * 1024 * 1024)], "huge.jpg", { type: "image/jpeg" }));
    const tooLarge = await reporter.upload("/api/v1/media", huge).catch(() => null);
    // The app may also cut the connection of an oversized body; either way nothing is stored.
    if (tooLarge) expect(tooLarge.status).toBe(413);
  });
});
