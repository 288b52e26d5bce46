// Small rules of the public site: visibility of a loaded row, story URLs, list cursors, preview
// text, HTML and XML for feeds, JSON-LD escaping, the new settings.
import { describe, expect, it } from "vitest";
import { articlePath, isCanonicalSlug } from "@/lib/articles/public/article-url";
import { slugFor } from "@/lib/articles/public/slug";
import { decodeCursor, encodeCursor } from "@/lib/articles/public/keyset-cursor";
import { clip, previewDescription } from "@/lib/articles/body/preview-text";
import { publicStateOf, type VisibilityFields } from "@/lib/articles/public/visibility";
import { ConfigError, readEnv } from "@/lib/config/env";
import { absolutizeHtml } from "@/lib/feeds/absolute-html";
import { xmlSafeText } from "@/lib/feeds/xml-text";
import { serializeJsonLd } from "@/lib/seo/site-metadata";

const now = new Date("2026-11-25T12:00:00Z");
const hourAgo = new Date(now.getTime() - 3_600_000);
const tomorrow = new Date(now.getTime() + 86_400_000);

describe("publicStateOf", () => {
  const row = (overrides: Partial<VisibilityFields>): VisibilityFields => ({ status: "PUBLISHED", liveRevisionId: "rev", publishedAt: hourAgo, unpublishedAt: null, takedowns: [], ...overrides });
  it.each<[string, Partial<VisibilityFields>, string]>([
    ["published", {}, "visible"],
    ["scheduled, time has come", { status: "SCHEDULED" }, "visible"],
    ["scheduled for tomorrow", { status: "SCHEDULED", publishedAt: tomorrow }, "hidden"],
    ["published without a live revision", { liveRevisionId: null }, "hidden"],
    ["draft", { status: "DRAFT", liveRevisionId: null, publishedAt: null }, "hidden"],
    ["at the desk", { status: "SUBMITTED", liveRevisionId: null, publishedAt: null }, "hidden"],
    ["withdrawn after it was public", { status: "UNPUBLISHED", unpublishedAt: now }, "gone"],
    ["withdrawn before its scheduled time", { status: "UNPUBLISHED", publishedAt: tomorrow, unpublishedAt: now }, "hidden"],
    ["published, under a block in force (임시조치)", { takedowns: [{}] }, "blocked"],
    ["scheduled for tomorrow, blocked already", { status: "SCHEDULED", publishedAt: tomorrow, takedowns: [{}] }, "hidden"],
    ["withdrawn while blocked", { status: "UNPUBLISHED", unpublishedAt: now, takedowns: [{}] }, "gone"],
  ])("%s: %s", (_name, overrides, expected) => {
    expect(publicStateOf(row(overrides), now)).toBe(expected);
  });
});

describe("story URLs", () => {
  it("put the stored Hangul slug after the id, percent-encoded", () => {
    expect(articlePath({ id: 12, slug: slugFor("고양시, 경제자유구역 지정") })).toBe(`/articles/12/${encodeURIComponent("고양시-경제자유구역-지정")}`);
  });

  it("recognise the canonical slug raw or decoded, in either Unicode form, and nothing else", () => {
    const slug = "고양시-경제";
    expect(isCanonicalSlug(["고양시-경제"], slug)).toBe(true);
    expect(isCanonicalSlug([encodeURIComponent("고양시-경제")], slug)).toBe(true);
    expect(isCanonicalSlug(["고양시-경제".normalize("NFD")], slug)).toBe(true);
    expect(isCanonicalSlug(undefined, slug)).toBe(false);
    expect(isCanonicalSlug(["고양시-경제", "more"], slug)).toBe(false);
    expect(isCanonicalSlug(["%E0%A4%A"], slug)).toBe(false);
  });
});

describe("list cursors", () => {
  it("round-trip and refuse anything malformed", () => {
    const cursor = { publishedAt: new Date("2026-11-25T01:02:03.004Z"), id: 42 };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    for (const bad of ["", "x", "1-", "-1", "1-0", "1-99999999999", "1.5-2", "1-2; DROP"]) expect(decodeCursor(bad), bad).toBeNull();
    expect(decodeCursor(undefined)).toBeNull();
  });
});

describe("preview text", () => {
  it("takes the story's own summary when there is one", () => {
    expect(previewDescription({ summary: " 요약입니다. ", bodyText: "[누리일보 기자] 본문" })).toBe("요약입니다.");
  });

  it("otherwise the first paragraph without its dateline, clipped at a word", () => {
    expect(previewDescription({ bodyText: "[누리일보 최하은 인턴기자] 고양특례시가 나섰다.\n둘째 문단" })).toBe("고양특례시가 나섰다.");
    expect(previewDescription({ bodyText: "", subHeadlines: ["부제"] })).toBe("부제");
    const clipped = clip("가나다 ".repeat(100), 50);
    expect(clipped.length).toBeLessThanOrEqual(51);
    expect(clipped.endsWith("…")).toBe(true);
  });
});

describe("feed HTML and XML", () => {
  it("makes links and image addresses absolute, srcset included", () => {
    const html = absolutizeHtml('<p><a href="/articles/1">a</a> <img src="/media/x.jpg" srcset="/media/a.jpg 480w, /media/b.jpg 960w"> <a href="https://other.example/x">b</a></p>', "https://news.example.kr");
    expect(html).toContain('href="https://news.example.kr/articles/1"');
    expect(html).toContain('src="https://news.example.kr/media/x.jpg"');
    expect(html).toContain('srcset="https://news.example.kr/media/a.jpg 480w, https://news.example.kr/media/b.jpg 960w"');
    expect(html).toContain('href="https://other.example/x"');
  });

  it("drops characters XML cannot carry", () => {
    expect(xmlSafeText("제목\u0001\u0008 끝\n")).toBe("제목 끝\n");
  });

  it("JSON-LD cannot close its script element", () => {
    const json = serializeJsonLd({ headline: "</script><script>alert(1)</script>" });
    expect(json).not.toContain("</script>");
    expect(JSON.parse(json)).toEqual({ headline: "</script><script>alert(1)</script>" });
  });
});

describe("public site settings", () => {
  it("have demo defaults, including the weather places", () => {
    const env = readEnv({});
    expect(env.PUBLISHER_REGISTRATION).toMatch(/아\d+/);
    expect(env.KMA_SERVICE_KEY).toBeUndefined();
    expect(env.WEATHER_PLACES[0]).toEqual({ name: "서울", nx: 60, ny: 127 });
  });

  it("read weather places, refusing bad ones by name", () => {
    expect(readEnv({ WEATHER_PLACES: "고양:57:128, 부산:98:76" }).WEATHER_PLACES).toEqual([
      { name: "고양", nx: 57, ny: 128 },
      { name: "부산", nx: 98, ny: 76 },
    ]);
    expect(() => readEnv({ WEATHER_PLACES: "고양" })).toThrow(ConfigError);
    expect(() => readEnv({ WEATHER_PLACES: "고양" })).toThrow(/WEATHER_PLACES/);
    expect(() => readEnv({ KMA_NOWCAST_URL: "ftp://kma.example" })).toThrow(/KMA_NOWCAST_URL/);
  });
});
