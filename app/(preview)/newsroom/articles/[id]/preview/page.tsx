import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleView } from "@/components/article/article-view";
import { loadForPage } from "@/lib/actions/page-guard";
import { parseArticleId } from "@/lib/articles/article-id";
import { getArticlePreview } from "@/lib/articles/public/article-preview";
import { requireStaffPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "미리보기", robots: { index: false, follow: false } };

interface Props {
  params: Promise<{ id: string }>;
}

export default async function ArticlePreviewPage({ params }: Props) {
  const staff = await requireStaffPage();
  const id = parseArticleId((await params).id);
  if (id === null) notFound();
  const result = await loadForPage(() => getArticlePreview(staff, id));
  return (
    <>
      <p className="notice preview-banner no-print" role="note" data-testid="preview-banner">
        미리보기: 마지막으로 저장된 글을 독자가 볼 모습 그대로 보여 줍니다. 아직 독자에게는 보이지 않습니다. <Link href={`/newsroom/articles/${id}/edit`}>편집으로 돌아가기</Link>
      </p>
      <ArticleView article={result} countView={false} />
    </>
  );
}
