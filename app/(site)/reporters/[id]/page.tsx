import type { Metadata } from "next";
import { ListPage } from "@/components/site/list-page";
import { notFoundPage } from "@/components/site/not-found-page";
import { ResponsiveImage } from "@/components/site/responsive-image";
import { pageOfStories, reporterStoriesWhere, type PageRequest } from "@/lib/articles/public-lists";
import { getPublicReporter } from "@/lib/reporters/public-reporter";
import { listPageMetadata, notFoundMetadata } from "@/lib/seo/site-metadata";
import { KeepWords } from "@/components/site/keep-words";

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<PageRequest>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const reporter = await getPublicReporter((await params).id);
  return reporter
    ? listPageMetadata(`${reporter.name} ${reporter.title}`, `/reporters/${reporter.id}`, reporter.bio || `${reporter.name} ${reporter.title}의 기사`)
    : notFoundMetadata("기자를 찾을 수 없습니다");
}

export default async function ReporterPage({ params, searchParams }: Props) {
  const reporter = await getPublicReporter((await params).id);
  if (!reporter) return notFoundPage();
  const page = await pageOfStories(reporterStoriesWhere(reporter.id), await searchParams);
  return (
    <ListPage
      basePath={`/reporters/${reporter.id}`}
      page={page}
      emptyText="기사가 더 없습니다."
      heading={
        <header className="reporter-card">
          {reporter.photo ? (
            <ResponsiveImage image={reporter.photo} sizes="96px" className="reporter-card__photo" eager />
          ) : (
            <span className="reporter-card__photo reporter-card__photo--initial" aria-hidden="true">
              {reporter.name.slice(0, 1)}
            </span>
          )}
          <div>
            <h1 className="reporter-card__name">
              {reporter.name} <span className="reporter-card__title">{reporter.title}</span>
            </h1>
            {reporter.bio && (
              <p className="reporter-card__bio">
                <KeepWords text={reporter.bio} />
              </p>
            )}
            {reporter.bylineEmail && (
              <p className="reporter-card__email">
                <a href={`mailto:${reporter.bylineEmail}`}>{reporter.bylineEmail}</a>
              </p>
            )}
          </div>
        </header>
      }
    />
  );
}
