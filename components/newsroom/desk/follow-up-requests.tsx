import Link from "next/link";
import { formatKstMinute } from "@/lib/format/korean-time";
import type { FollowUpRequest } from "@/lib/reactions/follow-up-requests";

/** The desk dashboard's list of stories readers asked follow-ups for (후속기사 원해요). */
export function FollowUpRequests({ requests }: { requests: FollowUpRequest[] }) {
  return (
    <section className="desk-section" aria-labelledby="follow-up-heading">
      <h2 id="follow-up-heading">
        독자가 후속기사를 원하는 기사 <span className="desk-count">최근 14일 · 요청 많은 순</span>
      </h2>
      {requests.length === 0 ? (
        <p className="desk-empty">없습니다.</p>
      ) : (
        <table className="table" data-testid="follow-up-requests">
          <thead>
            <tr>
              <th>제목</th>
              <th>섹션</th>
              <th>기자</th>
              <th>후속기사 요청</th>
              <th>반응 전체</th>
              <th>발행 시각</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((story) => (
              <tr key={story.articleId}>
                <td>
                  <Link href={`/newsroom/articles/${story.articleId}`}>{story.headline}</Link>
                </td>
                <td>{story.section ?? "-"}</td>
                <td>{story.author}</td>
                <td data-testid="follow-up-count">
                  <strong>{story.requests}</strong>명
                </td>
                <td>{story.reactions}명</td>
                <td>{formatKstMinute(story.publishedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
