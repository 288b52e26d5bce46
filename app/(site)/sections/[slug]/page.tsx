import type { Metadata } from "next";
import { ListPage } from "@/components/site/list-page";
import { notFoundPage } from "@/components/site/not-found-page";
import { pageOfStories, sectionStoriesWhere, type PageRequest } from "@/lib/articles/public/public-lists";
import { getActiveSection } from "@/lib/sections/public-queries";
import { listPageMetadata, notFoundMetadata } from "@/lib/seo/site-metadata";

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<PageRequest>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const section = await getActiveSection((await params).slug);
  return section ? listPageMetadata(section.name, `/sections/${section.slug}`, `${section.name} 분야의 최신 기사`) : notFoundMetadata("섹션을 찾을 수 없습니다");
}

export default async function SectionPage({ params, searchParams }: Props) {
  const section = await getActiveSection((await params).slug);
  if (!section) return notFoundPage();
  const page = await pageOfStories(sectionStoriesWhere(section.id), await searchParams);
  const basePath = `/sections/${section.slug}`;
  return (
    <ListPage
      basePath={basePath}
      page={page}
      showSection={false}
      emptyText="이 섹션에는 아직 기사가 없습니다."
      heading={
        <header className="list-heading">
          <h1 className="list-heading__title">{section.name}</h1>
          <a className="list-heading__feed" href={`${basePath}/feed.xml`}>
            RSS
          </a>
        </header>
      }
    />
  );
}
