import "server-only";
// The staff guide (docs/newsroom-guide.md, Korean), served inside the newsroom at /newsroom/help.
// The Markdown file is the one source: the repository's readers and the newsroom's see the same text.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { marked } from "marked";
import sanitizeHtml from "sanitize-html";
import type { StaffUser } from "@/lib/auth/staff-user";

const GUIDE_FILE = path.join(process.cwd(), "docs", "newsroom-guide.md");

/** The guide as HTML for any signed-in staff member (our own file, still passed through the allow-list). */
export async function loadNewsroomGuideHtml(_reader: StaffUser): Promise<string> {
  const markdown = await readFile(GUIDE_FILE, "utf8");
  return sanitizeHtml(await marked.parse(markdown, { gfm: true }));
}
