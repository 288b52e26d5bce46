// The server's own Tiptap-to-HTML renderer must print exactly what @tiptap/html's generateHTML
// (a real DOM, happy-dom) prints, for every node and mark of the article schema.
import { generateHTML } from "@tiptap/html/server";
import { describe, expect, it } from "vitest";
import { articleBodyExtensions } from "@/lib/articles/body/body-extensions";
import { createBodyHtmlRenderer } from "@/lib/articles/body/body-html";

const text = (value: string, marks?: { type: string; attrs?: Record<string, string> }[]) => ({ type: "text", text: value, ...(marks ? { marks } : {}) });

const EVERYTHING = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [text("소제목 <b> & \"따옴표\" 'a'")] },
    { type: "heading", attrs: { level: 3 }, content: [text("셋째 단계")] },
    { type: "heading", attrs: { level: 4 }, content: [text("넷째 단계")] },
    {
      type: "paragraph",
      content: [
        text("굵게", [{ type: "bold" }]),
        text(" 기울임", [{ type: "italic" }]),
        text(" 밑줄", [{ type: "underline" }]),
        text(" 취소선", [{ type: "strike" }]),
        text(" 모두", [{ type: "bold" }, { type: "italic" }, { type: "underline" }, { type: "strike" }]),
        { type: "hardBreak" },
        text("링크\u00a0안 <>&", [{ type: "link", attrs: { href: "https://example.com/?a=1&b=\"2\"&c=<3>" } }, { type: "bold" }]),
        text(" 이어지는 링크", [{ type: "link", attrs: { href: "mailto:desk@nuri-ilbo.test" } }]),
      ],
    },
    { type: "paragraph" },
    { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [text("하나")] }, { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [text("안쪽")] }] }] }] }] },
    { type: "orderedList", attrs: { start: 3 }, content: [{ type: "listItem", content: [{ type: "paragraph", content: [text("셋")] }] }] },
    { type: "orderedList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [text("하나")] }] }] },
    { type: "blockquote", content: [{ type: "paragraph", content: [text("인용문")] }] },
    { type: "horizontalRule" },
    { type: "paragraph", content: [text("끝.")] },
  ],
};

describe("createBodyHtmlRenderer", () => {
  const render = createBodyHtmlRenderer(articleBodyExtensions);

  it("prints what generateHTML prints, for every node, mark and escape", () => {
    expect(render(EVERYTHING)).toBe(generateHTML(EVERYTHING, articleBodyExtensions));
  });

  it("gives the same answer on every call (nothing kept between documents)", () => {
    const first = render(EVERYTHING);
    render({ type: "doc", content: [{ type: "paragraph", content: [text("다른 문서")] }] });
    expect(render(EVERYTHING)).toBe(first);
    expect(render({ type: "doc", content: [] })).toBe("");
  });
});
