// Derives the stored HTML and plain text of an article body from its Tiptap JSON.
// The HTML goes through an allow-list sanitizer even though the JSON was validated: two locks,
// because Tiptap's own link handling has had javascript: bugs before.
import sanitizeHtml from "sanitize-html";
import { articleBodyExtensions } from "@/lib/articles/body-extensions";
import { createBodyHtmlRenderer } from "@/lib/articles/body-html";
import type { ArticleBody, BodyNode } from "@/lib/articles/body-schema";

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ["p", "h2", "h3", "h4", "strong", "em", "u", "s", "a", "ul", "ol", "li", "blockquote", "br", "hr"],
  allowedAttributes: { a: ["href", "rel", "target"], ol: ["start"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  transformTags: {
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow", target: "_blank" }),
  },
};

export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}

const BLOCKS_ENDING_A_LINE = new Set(["paragraph", "heading", "listItem", "blockquote", "hardBreak", "horizontalRule"]);

function collectText(node: BodyNode, out: string[]): void {
  if (node.type === "text" && node.text) out.push(node.text);
  for (const child of node.content ?? []) collectText(child, out);
  if (BLOCKS_ENDING_A_LINE.has(node.type) && out.at(-1) !== "\n") out.push("\n");
}

/** Plain text of the body, one line per block: what search, feeds and previews use. */
export function bodyToPlainText(body: ArticleBody): string {
  const parts: string[] = [];
  for (const node of body.content) collectText(node, parts);
  return parts.join("").replace(/\n{2,}/g, "\n").trim();
}

const bodyHtml = createBodyHtmlRenderer(articleBodyExtensions);

export function renderArticleBody(body: ArticleBody): { html: string; text: string } {
  const html = sanitizeArticleHtml(bodyHtml(body));
  return { html, text: bodyToPlainText(body) };
}
