import type { Metadata } from "next";
import "@/components/article/corrections.css";
import { MostReadAside } from "@/components/article/most-read-aside";
import { CORRECTION_LABEL } from "@/components/article/corrections-block";
import { getPublicCorrections } from "@/lib/corrections/public-corrections";
import { formatKstDateTime, toKstIso } from "@/lib/format/korean-time";
import { listPageMetadata } from "@/lib/seo/site-metadata";
import { KeepWords } from "@/components/site/keep-words";

export function generateMetadata(): Metadata {
  const metadata = listPageMetadata("정정·반론", "/corrections", "누리일보가 바로잡은 기사와 반론 보도 모음");
  return { ...metadata, alternates: { ...metadata.alternates, types: { "application/rss+xml": "/corrections/feed.xml" } } };
}

/** Every 정정 and 반론 of stories readers can see, newest first. */
export default async function CorrectionsPage() {
  const corrections = await getPublicCorrections();
  return (
    <div className="with-aside">
      <div className="with-aside__main">
        <header className="list-heading">
          <p className="list-heading__kicker">바로잡습니다</p>
          <h1 className="list-heading__title">
            <KeepWords text="정정·반론" />
          </h1>
          <p>
            사실과 다르게 보도한 내용을 바로잡은 정정과, 보도된 쪽의 반론을 모았습니다. <a href="/corrections/feed.xml">RSS</a>
          </p>
          <p>
            저희 보도로 피해를 입으셨나요? <a href="/claims/new"><KeepWords text="정정·반론·추후보도 청구하기" /></a> (언론중재법 제14조~제17조)
          </p>
        </header>
        {corrections.length === 0 ? (
          <p className="empty-note">아직 정정이나 반론이 없습니다.</p>
        ) : (
          <ol className="corrections-list" data-testid="corrections-list">
            {corrections.map((correction) => (
              <li key={correction.id}>
                <span className={correction.type === "REPLY" ? "corrections-block__type corrections-block__type--reply" : "corrections-block__type"}>{CORRECTION_LABEL[correction.type]}</span>
                <a className="corrections-list__story" href={correction.story.path}>
                  <KeepWords text={correction.story.headline} />
                </a>
                <p className="corrections-list__note">
                  <KeepWords text={correction.note} />
                </p>
                <p className="corrections-list__meta">
                  {correction.story.section && <span>{correction.story.section.name} · </span>}
                  <time dateTime={toKstIso(correction.at)}>{formatKstDateTime(correction.at)}</time>
                </p>
              </li>
            ))}
          </ol>
        )}
      </div>
      <aside className="with-aside__aside" aria-label="많이 본 기사">
        <MostReadAside />
      </aside>
    </div>
  );
}
