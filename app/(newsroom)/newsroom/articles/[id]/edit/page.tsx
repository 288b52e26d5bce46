import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleEditor } from "@/components/editor/article-editor";
import { loadForPage } from "@/lib/actions/page-guard";
import { parseArticleId } from "@/lib/articles/article-id";
import { editorViewer, listSectionsForEditor, loadArticleForEditor } from "@/lib/articles/editor/editor-data";
import { requireStaffPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "기사 편집" };

interface Props {
  params: Promise<{ id: string }>;
}

export default async function EditArticlePage({ params }: Props) {
  const staff = await requireStaffPage();
  const id = parseArticleId((await params).id);
  if (id === null) notFound();
  const loaded = await loadForPage(async () => ({ ...(await loadArticleForEditor(staff, id)), sections: await listSectionsForEditor(staff) }));
  const { article, media, readOnlyReason, maySubmit, sections } = loaded;
  return <ArticleEditor key={article.id} article={article} sections={sections} media={media} viewer={editorViewer(staff)} readOnlyReason={readOnlyReason} maySubmit={maySubmit} />;
}
