import type { Metadata } from "next";
import { ArticleEditor } from "@/components/editor/article-editor";
import { AccessDenied } from "@/components/newsroom/access-denied";
import { loadForPage } from "@/lib/actions/page-guard";
import { editorViewer, listSectionsForEditor } from "@/lib/articles/editor-data";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "새 기사 쓰기" };

export default async function NewArticlePage() {
  const staff = await requireStaffPage();
  const sections = await loadForPage(() => listSectionsForEditor(staff));
  if (sections.denied !== undefined) return <AccessDenied message={sections.denied} />;
  return <ArticleEditor article={null} sections={sections.data} media={[]} viewer={editorViewer(staff)} readOnlyReason={null} maySubmit={can(staff, "article.submit", { ownerId: staff.id })} />;
}
