import type { Metadata } from "next";
import { ListPage } from "@/components/site/list-page";
import { notFoundPage } from "@/components/site/not-found-page";
import { pageOfStories, tagStoriesWhere, type PageRequest } from "@/lib/articles/public/public-lists";
import { listPageMetadata, notFoundMetadata } from "@/lib/seo/site-metadata";
import { getPublicTag } from "@/lib/tags/public-tags";

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<PageRequest>;
}

function decodedSlug(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tag = await getPublicTag(decodedSlug((await params).slug));
  return tag ? listPageMetadata(`#${tag.name}`, `/tags/${encodeURIComponent(tag.slug)}`, `'${tag.name}' 태그가 달린 기사`) : notFoundMetadata("태그를 찾을 수 없습니다");
}

export default async function TagPage({ params, searchParams }: Props) {
  const tag = await getPublicTag(decodedSlug((await params).slug));
  if (!tag) return notFoundPage();
  const page = await pageOfStories(tagStoriesWhere(tag.id), await searchParams);
  return (
    <ListPage
      basePath={`/tags/${encodeURIComponent(tag.slug)}`}
      page={page}
      emptyText="이 태그가 달린 기사가 더 없습니다."
      heading={
        <header className="list-heading">
          <p className="list-heading__kicker">태그</p>
          <h1 className="list-heading__title">#{tag.name}</h1>
        </header>
      }
    />
  );
}
