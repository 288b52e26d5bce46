import type { Metadata } from "next";
import { ArticleEditor } from "@/components/editor/article-editor";
import { loadForPage } from "@/lib/actions/page-guard";
import { editorViewer, listSectionsForEditor, mayEverSubmitOwnStory } from "@/lib/articles/editor/editor-data";
import { requireStaffPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "새 기사 쓰기" };

export default async function NewArticlePage() {
  const staff = await requireStaffPage();
  const sections = await loadForPage(() => listSectionsForEditor(staff));
  return <ArticleEditor article={null} sections={sections} media={[]} viewer={editorViewer(staff)} readOnlyReason={null} maySubmit={mayEverSubmitOwnStory(staff)} />;
}
