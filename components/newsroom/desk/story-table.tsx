import Link from "next/link";
import type { ArticleSummaryOut } from "@/lib/articles/article-output";
import { articleStatusLabel } from "@/lib/articles/workflow/status-labels";
import { formatKstMinute } from "@/lib/format/korean-time";

/** A list of stories (the reporter's groups, the story list): headline, section, state, the time that matters. */
export function StoryTable({ stories, time, showAuthor = false, showDeskNote = false, testId }: { stories: ArticleSummaryOut[]; time: "updated" | "submitted" | "published"; showAuthor?: boolean; showDeskNote?: boolean; testId?: string }) {
  if (stories.length === 0) return <p className="desk-empty">없습니다.</p>;
  const timeLabel = { updated: "최근 수정", submitted: "넘긴 시각", published: "발행 시각" }[time];
  return (
    <table className="table table--cards" data-testid={testId}>
      <thead>
        <tr>
          <th>제목</th>
          <th>섹션</th>
          {showAuthor && <th>기자</th>}
          <th>상태</th>
          <th>{timeLabel}</th>
        </tr>
      </thead>
      <tbody>
        {stories.map((story) => {
          const at = time === "submitted" ? story.submittedAt : time === "published" ? story.publishedAt : story.updatedAt;
          return (
            <tr key={story.id}>
              <td className="table__headline">
                <Link href={`/newsroom/articles/${story.id}`}>{story.headline}</Link>
                {showDeskNote && story.deskNote && (
                  <p className="desk-note" data-testid="desk-note">
                    <strong>데스크 메모</strong>
                    {story.deskNote}
                  </p>
                )}
              </td>
              <td data-label="섹션">{story.section?.name ?? "-"}</td>
              {showAuthor && (
                <td data-label="기자">
                  {story.author.name} {story.author.title}
                </td>
              )}
              <td data-label="상태">
                <span className="badge">{articleStatusLabel({ status: story.status, publishedAt: story.publishedAt ? new Date(story.publishedAt) : null })}</span>
                {story.hasPendingUpdate && <span className="badge badge--muted"> 수정 승인 대기</span>}
              </td>
              <td data-label={timeLabel}>{at ? formatKstMinute(new Date(at)) : "-"}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
