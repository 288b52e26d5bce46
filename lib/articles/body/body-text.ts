// Plain text of a story body, one line per block: what search, feeds, previews, the counters and
// the editor's conflict screen use. Pure and browser-safe.
import type { BodyNode } from "@/lib/articles/body/body-schema";

const BLOCKS_ENDING_A_LINE = new Set(["paragraph", "heading", "listItem", "blockquote", "hardBreak", "horizontalRule"]);

function collectText(node: BodyNode, out: string[]): void {
  if (node.type === "text" && node.text) out.push(node.text);
  for (const child of node.content ?? []) collectText(child, out);
  if (BLOCKS_ENDING_A_LINE.has(node.type) && out.at(-1) !== "\n") out.push("\n");
}

export function bodyToPlainText(body: { content?: BodyNode[] }): string {
  const parts: string[] = [];
  for (const node of body.content ?? []) collectText(node, parts);
  return parts.join("").replace(/\n{2,}/g, "\n").trim();
}
