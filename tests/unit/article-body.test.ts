import { describe, expect, it } from "vitest";
import { articleBodySchema } from "@/lib/articles/body/body-schema";
import { renderArticleBody, sanitizeArticleHtml } from "@/lib/articles/body/render-body";

const paragraph = (text: string, marks?: unknown[]) => ({ type: "paragraph", content: [{ type: "text", text, ...(marks ? { marks } : {}) }] });
const doc = (...content: unknown[]) => ({ type: "doc", content });

describe("article body schema", () => {
  it("accepts the nodes and marks the newsroom uses", () => {
    const body = doc(
      { type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "소제목" }] },
      paragraph("굵게", [{ type: "bold" }]),
      paragraph("링크", [{ type: "link", attrs: { href: "https://example.com/a" } }]),
      { type: "blockquote", content: [paragraph("인용")] },
      { type: "bulletList", content: [{ type: "listItem", content: [paragraph("항목")] }] },
    );
    expect(articleBodySchema.safeParse(body).success).toBe(true);
  });

  it.each([
    ["a javascript: link", doc(paragraph("x", [{ type: "link", attrs: { href: "javascript:alert(1)" } }]))],
    ["a data: link", doc(paragraph("x", [{ type: "link", attrs: { href: "data:text/html,<script>" } }]))],
    ["an unknown node", doc({ type: "script", content: [{ type: "text", text: "alert(1)" }] })],
    ["an unknown mark", doc(paragraph("x", [{ type: "onclick" }]))],
    ["an unknown attribute", doc({ type: "paragraph", attrs: { style: "x" }, content: [{ type: "text", text: "x" }] })],
    ["a heading level 1", doc({ type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "x" }] })],
    ["an empty text node", doc({ type: "paragraph", content: [{ type: "text", text: "" }] })],
    ["nesting deeper than allowed", doc(Array.from({ length: 14 }).reduce<unknown>((inner) => ({ type: "blockquote", content: [inner] }), paragraph("x")))],
    ["a body over 512 KB", doc(...Array.from({ length: 60 }, () => paragraph("가".repeat(10_000))))],
    ["something that is not a doc", { type: "paragraph" }],
    ["NUL in a text node", doc(paragraph("a\u0000b"))],
    ["a lone surrogate in a text node", doc(paragraph("a\uD800b"))],
    ["NUL in a link title", doc(paragraph("x", [{ type: "link", attrs: { href: "https://example.com", title: "t\u0000" } }]))],
    ["a body nested 2,000 levels (checked before any recursion)", doc(Array.from({ length: 2000 }).reduce<unknown>((inner) => ({ type: "blockquote", content: [inner] }), paragraph("x")))],
  ])("refuses %s", (_name, body) => {
    expect(articleBodySchema.safeParse(body).success).toBe(false);
  });
});

describe("body text", () => {
  it("is stored as NFC: a syllable typed as jamo equals the composed syllable", () => {
    const body = articleBodySchema.parse(doc(paragraph("\u1112\u1161\u11ab\u1100\u1173\u11af")));
    expect(JSON.stringify(body)).toContain("한글");
  });

  it("keeps emoji and other astral characters (paired surrogates)", () => {
    expect(articleBodySchema.safeParse(doc(paragraph("좋아요 👍🏽"))).success).toBe(true);
  });
});

describe("rendering the body", () => {
  it("derives sanitized HTML and plain text", () => {
    const body = articleBodySchema.parse(doc(paragraph("첫 문단 <b>태그</b>"), { type: "blockquote", content: [paragraph("인용문")] }));
    const { html, text } = renderArticleBody(body);
    expect(html).toBe("<p>첫 문단 &lt;b&gt;태그&lt;/b&gt;</p><blockquote><p>인용문</p></blockquote>");
    expect(text).toBe("첫 문단 <b>태그</b>\n인용문");
  });

  it("the sanitizer removes scripts, handlers and dangerous URLs even if they got into the HTML", () => {
    const dirty = '<p onclick="x()">a<script>alert(1)</script><a href="javascript:alert(1)">b</a><img src=x onerror=alert(1)></p>';
    const clean = sanitizeArticleHtml(dirty);
    expect(clean).not.toMatch(/script|onclick|onerror|javascript:|<img/);
    expect(clean).toContain("a");
  });
});
