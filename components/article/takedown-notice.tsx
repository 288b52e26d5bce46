import { formatKstMinute } from "@/lib/format/korean-time";
import type { TakedownNotice as Notice } from "@/lib/takedowns/takedown-rules";

/** What a blocked story's address shows (with status 451): the reason category and until when, never the story. */
export function TakedownNotice({ notice }: { notice: Notice }) {
  return (
    <section className="notice-page" aria-labelledby="takedown-heading" data-testid="takedown-notice">
      <p className="notice-page__code">451</p>
      <h1 id="takedown-heading">{notice.label}</h1>
      <p>
        이 기사는 <time dateTime={notice.until}>{formatKstMinute(new Date(notice.until))}</time>까지 볼 수 없습니다.
      </p>
      <p>권리를 침해당했다는 주장이 접수되어, 정보통신망법 제44조의2에 따라 편집국이 접근을 임시로 막았습니다. 기간이 끝나면 다시 공개되거나, 편집국의 판단에 따라 삭제될 수 있습니다.</p>
      <p>
        <a href="/">첫 화면으로 가기</a> · <a href="/corrections">정정·반론 보도</a>
      </p>
    </section>
  );
}
