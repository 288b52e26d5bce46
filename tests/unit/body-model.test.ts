// @vitest-environment happy-dom
// The body model: what the editor produces is exactly what the schema accepts, nothing more,
// and the server renders figures and videos from ids only.
import { Editor } from "@tiptap/core";
import { afterEach, describe, expect, it } from "vitest";
import { articleBodyExtensions, type BodyMediaLookup } from "@/lib/articles/body/body-extensions";
import { articleBodySchema, bodyMediaIds } from "@/lib/articles/body/body-schema";
import { isSafeLinkHref, normalizeLinkInput } from "@/lib/articles/body/link-href";
import { renderArticleBody } from "@/lib/articles/body/render-body";
import { youtubeVideoIdFrom } from "@/lib/articles/body/video-url";

const editors: Editor[] = [];
afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy();
});

function newEditor(content = "<p></p>") {
  const editor = new Editor({ element: document.createElement("div"), extensions: articleBodyExtensions, content });
  editors.push(editor);
  return editor;
}

const paragraph = (text: string, marks?: unknown[]) => ({ type: "paragraph", content: [{ type: "text", text, ...(marks ? { marks } : {}) }] });
const doc = (...content: unknown[]) => ({ type: "doc", content });
const link = (href: string) => doc(paragraph("링크", [{ type: "link", attrs: { href } }]));

describe("what the editor produces, the schema accepts", () => {
  it("every node and mark, built with the editor's own commands", () => {
    const editor = newEditor("<p>첫 문단</p>");
    const chain = () => editor.chain().focus("end");
    // Marks typed the way a reporter does: toggle, type, toggle off.
    chain().insertContent(" ").toggleBold().insertContent("굵게").toggleBold().toggleItalic().insertContent(" 기울임").toggleItalic().run();
    chain().toggleUnderline().insertContent(" 밑줄").toggleUnderline().toggleStrike().insertContent(" 취소선").toggleStrike().run();
    // A link set on a selection, as the link dialog does.
    chain().insertContent(" 링크글").run();
    const end = editor.state.selection.from;
    editor.chain().setTextSelection({ from: end - 3, to: end }).setLink({ href: "https://news.example.kr/a?b=1" }).run();
    chain().insertContent({ type: "paragraph", content: [{ type: "text", text: "줄" }, { type: "hardBreak" }, { type: "text", text: "바꿈" }] }).run();
    for (const [command, text] of [
      ["h2", "소제목 둘"],
      ["h3", "소제목 셋"],
      ["bullet", "항목"],
      ["ordered", "순서"],
      ["quote", "인용문"],
    ] as const) {
      chain().insertContent({ type: "paragraph", content: [{ type: "text", text }] }).run();
      if (command === "h2") chain().setHeading({ level: 2 }).run();
      if (command === "h3") chain().setHeading({ level: 3 }).run();
      if (command === "bullet") chain().toggleBulletList().run();
      if (command === "ordered") chain().toggleOrderedList().run();
      if (command === "quote") chain().toggleBlockquote().run();
    }
    chain().setHorizontalRule().run();
    chain().insertFigure({ mediaId: "cmedia123", alt: "대체 텍스트", caption: "사진 설명", credit: "사진=누리일보" }).run();
    chain().insertYoutubeVideo("dQw4w9WgXcQ").run();
    expect(editor.commands.insertYoutubeVideo("not-an-id")).toBe(false);

    const json = editor.getJSON();
    const types = new Set<string>();
    const marks = new Set<string>();
    const walk = (node: { type?: string; content?: unknown[]; marks?: { type: string }[] }) => {
      if (node.type) types.add(node.type);
      node.marks?.forEach((mark) => marks.add(mark.type));
      (node.content as (typeof node)[] | undefined)?.forEach(walk);
    };
    walk(json);
    expect([...types].sort()).toEqual(["blockquote", "bulletList", "doc", "figure", "hardBreak", "heading", "horizontalRule", "listItem", "orderedList", "paragraph", "text", "youtube"]);
    expect([...marks].sort()).toEqual(["bold", "italic", "link", "strike", "underline"]);

    const parsed = articleBodySchema.safeParse(json);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    // Stored and loaded again, it is the same document.
    expect(newEditor().commands.setContent(parsed.data ?? "")).toBe(true);
    expect(editors.at(-1)?.getJSON()).toEqual(parsed.data);
  });

  it("a pasted-looking HTML document through the editor's parser", () => {
    const editor = newEditor(
      '<h2>제목</h2><p><strong>굵게</strong> <em>기울임</em> <u>밑줄</u> <s>취소</s> <a href="mailto:desk@nuri.example">메일</a></p><ol start="3"><li><p>셋</p></li></ol><blockquote><p>인용</p></blockquote><hr><figure data-media-id="abc123" data-alt="대체" data-caption="설명" data-credit="출처"></figure><figure data-video-id="dQw4w9WgXcQ"></figure>',
    );
    const parsed = articleBodySchema.safeParse(editor.getJSON());
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(bodyMediaIds(parsed.data ?? { content: [] })).toEqual(["abc123"]);
  });

  it("drops links the server would refuse and foreign images, keeping the text", () => {
    const editor = newEditor('<p><a href="javascript:alert(1)">나쁜</a> <a href="/relative">상대</a> <img src="https://evil.example/x.png"> 끝</p>');
    const json = JSON.stringify(editor.getJSON());
    expect(json).not.toContain("link");
    expect(json).not.toContain("evil");
    expect(json).toContain("나쁜");
    expect(articleBodySchema.safeParse(editor.getJSON()).success).toBe(true);
  });
});

describe("links: only http, https and mailto, in any spelling", () => {
  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "JAVASCRIPT:alert(1)",
    " javascript:alert(1)",
    "\tjavascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "java\u0000script:alert(1)",
    "\u0001javascript:alert(1)",
    "javascript&#58;alert(1)",
    "javascript&colon;alert(1)",
    "&#106;avascript:alert(1)",
    "%6Aavascript:alert(1)",
    "jav&#x09;ascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "DATA:text/html;base64,PHNjcmlwdD4=",
    " data:image/svg+xml,<svg onload=alert(1)>",
    "//evil.example/x",
    "\\\\evil.example",
    "/relative/path",
    "https:/evil.example",
    "https:///evil.example",
    "https://exa mple.com",
    "https://exa\u2028mple.com",
    "http://\u200bexample.com",
    "ftp://example.com",
    "file:///etc/passwd",
    "mailto:",
    "",
  ])("refuses %j", (href) => {
    expect(isSafeLinkHref(href)).toBe(false);
    expect(articleBodySchema.safeParse(link(href)).success).toBe(false);
  });

  it.each(["https://www.nuri.example/a?b=1#c", "HTTP://EXAMPLE.COM", "http://localhost:3000/x", "mailto:desk@nuri.example", "https://한국.example/기사"])("accepts %j", (href) => {
    expect(articleBodySchema.safeParse(link(href)).success).toBe(true);
  });

  it("the link dialog adds https:// to a bare address and mailto: to an e-mail, and nothing to a scheme", () => {
    expect(normalizeLinkInput(" www.nuri.example/a ")).toBe("https://www.nuri.example/a");
    expect(normalizeLinkInput("desk@nuri.example")).toBe("mailto:desk@nuri.example");
    expect(normalizeLinkInput("https://nuri.example")).toBe("https://nuri.example");
    for (const bad of ["javascript:alert(1)", "data:text/html,x", "//evil.example", "java script:x", "그냥 글"]) expect(normalizeLinkInput(bad)).toBeNull();
  });
});

describe("the schema refuses what the editor cannot produce", () => {
  const figure = (attrs: Record<string, unknown>) => doc({ type: "figure", attrs });
  it.each([
    ["an unknown node", doc({ type: "image", attrs: { src: "https://evil.example/x.png" } })],
    ["an iframe node", doc({ type: "iframe", attrs: { src: "https://www.youtube.com/embed/dQw4w9WgXcQ" } })],
    ["an unknown mark", doc(paragraph("x", [{ type: "textStyle", attrs: { color: "red" } }]))],
    ["an unknown paragraph attribute", doc({ type: "paragraph", attrs: { style: "color:red" }, content: [{ type: "text", text: "x" }] })],
    ["a class on a link", doc(paragraph("x", [{ type: "link", attrs: { href: "https://a.example", class: "evil" } }]))],
    ["an onclick on a link", doc(paragraph("x", [{ type: "link", attrs: { href: "https://a.example", onclick: "x()" } }]))],
    ["a heading level 4", doc({ type: "heading", attrs: { level: 4 }, content: [{ type: "text", text: "x" }] })],
    ["an image by URL instead of a media id", figure({ mediaId: "https://evil.example/x.png", alt: "", caption: "", credit: "" })],
    ["an image with a src attribute", figure({ mediaId: "abc123", src: "https://evil.example/x.png", alt: "", caption: "", credit: "" })],
    ["an image with a path as its id", figure({ mediaId: "../../etc/passwd", alt: "", caption: "", credit: "" })],
    ["an image without an id", figure({ alt: "x", caption: "", credit: "" })],
    ["an image with content inside", doc({ type: "figure", attrs: { mediaId: "abc123" }, content: [paragraph("x")] })],
    ["an image inside a paragraph", doc({ type: "paragraph", content: [{ type: "figure", attrs: { mediaId: "abc123" } }] })],
    ["a video URL instead of an id", doc({ type: "youtube", attrs: { videoId: "https://www.youtube.com/watch?v=dQw4w9WgXcQ" } })],
    ["a video id too short", doc({ type: "youtube", attrs: { videoId: "dQw4w9WgXc" } })],
    ["a video id too long", doc({ type: "youtube", attrs: { videoId: "dQw4w9WgXcQQ" } })],
    ["a video id with a quote", doc({ type: "youtube", attrs: { videoId: 'dQw4w9WgX"Q' } })],
    ["a video id with a slash", doc({ type: "youtube", attrs: { videoId: "dQw4w9/gXcQ" } })],
    ["a video with embed HTML", doc({ type: "youtube", attrs: { videoId: "dQw4w9WgXcQ", html: "<iframe src=x>" } })],
    ["text straight inside the doc", doc({ type: "text", text: "x" })],
    ["a list holding a paragraph directly", doc({ type: "bulletList", content: [paragraph("x")] })],
    ["NUL in a caption", figure({ mediaId: "abc123", alt: "", caption: "a\u0000", credit: "" })],
    ["a lone surrogate in alt text", figure({ mediaId: "abc123", alt: "\uDC00", caption: "", credit: "" })],
  ])("refuses %s", (_name, body) => {
    expect(articleBodySchema.safeParse(body).success).toBe(false);
  });

  it("stores figure text attributes as NFC", () => {
    const parsed = articleBodySchema.parse(doc({ type: "figure", attrs: { mediaId: "abc123", alt: "\u1112\u1161\u11ab", caption: "", credit: "" } }));
    expect(parsed.content[0]?.attrs?.alt).toBe("한");
  });
});

describe("YouTube addresses become ids", () => {
  it.each([
    ["https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42", "dQw4w9WgXcQ"],
    ["youtube.com/watch?v=dQw4w9WgXcQ", "dQw4w9WgXcQ"],
    ["https://youtu.be/dQw4w9WgXcQ?si=abc", "dQw4w9WgXcQ"],
    ["https://m.youtube.com/watch?v=dQw4w9WgXcQ", "dQw4w9WgXcQ"],
    ["https://www.youtube.com/shorts/dQw4w9WgXcQ", "dQw4w9WgXcQ"],
    ["https://www.youtube.com/embed/dQw4w9WgXcQ", "dQw4w9WgXcQ"],
    ["https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "dQw4w9WgXcQ"],
    ["dQw4w9WgXcQ", "dQw4w9WgXcQ"],
    ["https://evil.example/watch?v=dQw4w9WgXcQ", null],
    ["https://www.youtube.com/watch?v=short", null],
    ["javascript:alert('dQw4w9WgXcQ')", null],
    ['<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>', null],
  ])("%s -> %s", (input, expected) => {
    expect(youtubeVideoIdFrom(input)).toBe(expected);
  });
});

describe("server HTML for figures and videos", () => {
  const media: BodyMediaLookup = new Map([
    [
      "cmedia1",
      {
        url: "/media/m/ab/full.jpg",
        width: 1600,
        height: 900,
        variants: [
          { width: 480, height: 270, jpegKey: "m/ab/480.jpg", webpKey: "m/ab/480.webp" },
          { width: 960, height: 540, jpegKey: "m/ab/960.jpg", webpKey: "m/ab/960.webp" },
        ],
      },
    ],
  ]);

  it("a figure is <figure><picture> with WebP and JPEG srcsets, size, lazy loading, alt and caption with credit", () => {
    const body = articleBodySchema.parse(doc({ type: "figure", attrs: { mediaId: "cmedia1", alt: "시청 앞 광장", caption: "광장에 모인 시민들", credit: "사진=누리일보 <b>" } }));
    const { html, text } = renderArticleBody(body, media);
    expect(html).toBe(
      '<figure class="article-figure"><picture><source type="image/webp" srcset="/media/m/ab/480.webp 480w, /media/m/ab/960.webp 960w" sizes="(max-width: 760px) 100vw, 720px" />' +
        '<img src="/media/m/ab/full.jpg" srcset="/media/m/ab/480.jpg 480w, /media/m/ab/960.jpg 960w" sizes="(max-width: 760px) 100vw, 720px" alt="시청 앞 광장" width="1600" height="900" loading="lazy" decoding="async" /></picture>' +
        '<figcaption>광장에 모인 시민들 <span class="article-figure__credit">사진=누리일보 &lt;b&gt;</span></figcaption></figure>',
    );
    expect(text).toBe("");
  });

  it("a figure whose media row is gone keeps its caption and shows no image", () => {
    const body = articleBodySchema.parse(doc({ type: "figure", attrs: { mediaId: "gone1", alt: "x", caption: "설명", credit: "" } }));
    expect(renderArticleBody(body, media).html).toBe('<figure class="article-figure"><figcaption>설명</figcaption></figure>');
  });

  it("a video is a sandboxed, lazy youtube-nocookie iframe with a title", () => {
    const body = articleBodySchema.parse(doc({ type: "youtube", attrs: { videoId: "dQw4w9WgXcQ" } }));
    expect(renderArticleBody(body).html).toBe(
      '<figure class="article-video"><iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="YouTube 동영상" width="560" height="315" loading="lazy" referrerpolicy="strict-origin-when-cross-origin" allow="encrypted-media; picture-in-picture; fullscreen" sandbox="allow-scripts allow-same-origin allow-presentation allow-popups" allowfullscreen="true"></iframe></figure>',
    );
  });
});

describe("an empty body", () => {
  it("is accepted as no blocks at all (a story not written yet)", () => {
    expect(articleBodySchema.safeParse({ type: "doc", content: [] }).success).toBe(true);
  });
});

describe("inserting photos and videos", () => {
  it("never replaces a selected photo: the new block goes after it", () => {
    const editor = newEditor('<p>앞</p><figure data-media-id="abc123" data-alt="a" data-caption="" data-credit="c"></figure>');
    editor.commands.setNodeSelection(editor.state.doc.child(0).nodeSize);
    expect(editor.state.selection.constructor.name).toBe("NodeSelection");
    editor.commands.insertYoutubeVideo("dQw4w9WgXcQ");
    editor.commands.insertFigure({ mediaId: "def456", alt: "", caption: "", credit: "" });
    expect(editor.getJSON().content?.map((node) => node.type)).toEqual(["paragraph", "figure", "youtube", "figure", "paragraph"]);
  });
});

describe("re-rendered stories reach the response cache", () => {
  it("an article.rerendered event makes the story's cached page stale", async () => {
    const { tagsForEvent } = await import("@/lib/cache/tags-for-event");
    const { cacheTag } = await import("@/lib/cache/cache-tags");
    expect(tagsForEvent({ type: "article.rerendered", payload: { articleId: 12 } })).toEqual([cacheTag.story(12)]);
  });
});
