import Link from "next/link";
import type { QueueItem } from "@/lib/articles/workflow/desk-queue";
import type { DeskQueueFilter } from "@/lib/articles/workflow/desk-input-schema";
import { formatKstMinute, formatWaiting } from "@/lib/format/korean-time";

const KIND_LABEL = { submitted: "새 기사", resubmitted: "다시 넘김", update: "수정 승인 대기" } as const;
// Past this, the wait shows in red: a story should not sit at the desk for half a day.
const LONG_WAIT_MS = 6 * 3_600_000;

interface Options {
  sections: { id: number; name: string }[];
  reporters: { id: string; name: string; title: string }[];
}

/** The desk's queue: filters (a plain GET form, so a filtered queue has its own address) and the table. */
export function DeskQueueView({ items, filter, options, now }: { items: QueueItem[]; filter: DeskQueueFilter; options: Options; now: Date }) {
  return (
    <section className="desk-section" aria-labelledby="queue-heading">
      <h2 id="queue-heading">
        데스크 대기열 <span className="desk-count" data-testid="queue-count">{items.length}건 · 오래 기다린 순</span>
      </h2>
      <form className="desk-filters" method="get" action="/newsroom" role="search" aria-label="대기열 거르기">
        <label>
          제목 검색
          <input type="search" name="q" defaultValue={filter.q ?? ""} maxLength={100} placeholder="제목에 든 말" />
        </label>
        <label>
          섹션
          <select name="sectionId" defaultValue={filter.sectionId ? String(filter.sectionId) : ""}>
            <option value="">전체</option>
            {options.sections.map((section) => (
              <option key={section.id} value={section.id}>
                {section.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          종류
          <select name="kind" defaultValue={filter.kind ?? ""}>
            <option value="">전체</option>
            <option value="submitted">새로 넘긴 기사</option>
            <option value="update">수정 승인 대기</option>
          </select>
        </label>
        <label>
          기자
          <select name="authorId" defaultValue={filter.authorId ?? ""}>
            <option value="">전체</option>
            {options.reporters.map((reporter) => (
              <option key={reporter.id} value={reporter.id}>
                {reporter.name} {reporter.title}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button--secondary">
          거르기
        </button>
        <Link href="/newsroom">초기화</Link>
      </form>
      {items.length === 0 ? (
        <p className="desk-empty">기다리는 기사가 없습니다.</p>
      ) : (
        <table className="table table--cards" data-testid="desk-queue">
          <thead>
            <tr>
              <th>제목</th>
              <th>종류</th>
              <th>기다린 시간</th>
              <th>기자</th>
              <th>섹션</th>
              <th>분량</th>
              <th>사진 정보</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const waited = now.getTime() - item.waitingSince.getTime();
              return (
                <tr key={item.id} data-article-id={item.id}>
                  <td className="table__headline">
                    <Link href={`/newsroom/articles/${item.id}`}>{item.headline}</Link>
                  </td>
                  <td data-label="종류">
                    <span className={`desk-kind desk-kind--${item.kind}`}>{KIND_LABEL[item.kind]}</span>
                  </td>
                  <td data-label="기다린 시간">
                    <span className={waited > LONG_WAIT_MS ? "desk-wait desk-wait--long" : "desk-wait"} title={`${formatKstMinute(item.waitingSince)}부터`}>
                      {formatWaiting(waited)}
                    </span>
                  </td>
                  <td data-label="기자">
                    {item.author.name} {item.author.title}
                  </td>
                  <td data-label="섹션">{item.section?.name ?? <span className="desk-missing">없음</span>}</td>
                  <td data-label="분량" className="desk-wait">
                    {item.length.withSpaces.toLocaleString("ko-KR")}자 · {item.length.manuscriptPages}매
                  </td>
                  <td data-label="사진 정보">
                    {item.images.count === 0 ? (
                      <span className="desk-count">사진 없음</span>
                    ) : item.images.problems.length === 0 ? (
                      <span className="desk-ok">{item.images.count}장 모두 갖춤</span>
                    ) : (
                      <span className="desk-missing" title={item.images.problems.join("\n")}>
                        {item.images.count}장 중 {item.images.problems.length}장 부족
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
