import type { Metadata } from "next";
import "@/components/newsroom/newsroom-guide.css";
import { requireStaffPage } from "@/lib/auth/session";
import { loadNewsroomGuideHtml } from "@/lib/help/newsroom-guide";

export const metadata: Metadata = { title: "도움말" };

/** The newsroom guide (docs/newsroom-guide.md) for every signed-in staff member. */
export default async function NewsroomHelpPage() {
  const staff = await requireStaffPage();
  const html = await loadNewsroomGuideHtml(staff);
  // Our own Markdown file, rendered and passed through sanitize-html's allow-list.
  return <article className="newsroom-guide" data-testid="newsroom-guide" dangerouslySetInnerHTML={{ __html: html }} />;
}
