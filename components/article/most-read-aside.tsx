import { MostReadBox } from "@/components/article/most-read-box";
import { getMostRead } from "@/lib/views/most-read";

/** The side column's Today (read most today) and Hot Issue (discussed most this week) boxes. */
export async function MostReadAside() {
  const mostRead = await getMostRead();
  return (
    <>
      <MostReadBox id="today-heading" title="Today" subtitle="오늘 많이 본 기사" stories={mostRead.today} />
      <MostReadBox id="hot-issue-heading" title="Hot Issue" subtitle="이번 주 댓글 많은 기사" stories={mostRead.hotIssue} empty="이번 주 댓글이 달린 기사가 아직 없습니다." />
    </>
  );
}
