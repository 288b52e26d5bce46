import type { Metadata } from "next";
import { permanentRedirect } from "next/navigation";
import { KeepWords } from "@/components/site/keep-words";
import { ListPage } from "@/components/site/list-page";
import { notFoundPage } from "@/components/site/not-found-page";
import { ResponsiveImage } from "@/components/site/responsive-image";
import { Island } from "@/components/islands/island";
import { pageOfStories, reporterStoriesWhere, type PageRequest } from "@/lib/articles/public/public-lists";
import { getPublicReporter } from "@/lib/reporters/public-reporter";
import { listPageMetadata, notFoundMetadata } from "@/lib/seo/site-metadata";

interface Props {
  /** `<number>-<name>` (lib/reporters/reporter-url.ts), or an old `<account id>` address. */
  params: Promise<{ reporter: string }>;
  searchParams: Promise<PageRequest>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await getPublicReporter((await params).reporter);
  if (!found) return notFoundMetadata("기자를 찾을 수 없습니다");
  const { reporter } = found;
  return listPageMetadata(`${reporter.name} ${reporter.title}`, reporter.path, reporter.bio || `${reporter.name} ${reporter.title}의 기사`);
}

/** The page cursor of a redirected address, kept so an old "older stories" link still lands there. */
function cursorQuery(request: PageRequest): string {
  const query = new URLSearchParams();
  for (const key of ["before", "after"] as const) {
    const value = request[key];
    if (typeof value === "string") query.set(key, value);
  }
  return query.size > 0 ? `?${query}` : "";
}

export default async function ReporterPage({ params, searchParams }: Props) {
  const found = await getPublicReporter((await params).reporter);
  if (!found) return notFoundPage();
  const { reporter } = found;
  const request = await searchParams;
  if (!found.isCurrentAddress) permanentRedirect(reporter.path + cursorQuery(request));
  const page = await pageOfStories(reporterStoriesWhere(reporter.id), request);
  return (
    <ListPage
      basePath={reporter.path}
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
            <Island
              name="subscribe"
              props={{
                subscription: { topic: "reporter", reporterNumber: reporter.reporterNumber },
                buttonLabel: "+ 기자 구독",
                description: `${reporter.name} ${reporter.title}의 새 기사가 나오면 메일로 알려 드립니다.`,
              }}
            />
          </div>
        </header>
      }
    />
  );
}
