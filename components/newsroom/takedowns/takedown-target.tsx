import Link from "next/link";
import type { PosterOut, TakedownTargetOut } from "@/lib/takedowns/takedown-queries";

/** How the poster hears of a block (정보통신망법 제44조의2 제2항), said plainly for the desk. */
function posterNotice(poster: PosterOut): string {
  return poster.kind === "staff"
    ? `${poster.name} ${poster.title}: 뉴스룸 알림으로 알립니다.`
    : `게스트 '${poster.nickname}': 연락처를 남기지 않아 알릴 수 없습니다. 댓글 자리의 안내문이 공시입니다.`;
}

/** The blocked (or to-be-blocked) story or comment, as the desk sees it. */
export function TakedownTarget({ target }: { target: TakedownTargetOut }) {
  return (
    <>
      <div className="takedown-card__head">
        <span className="badge">{target.comment ? `댓글 #${target.comment.id}` : `기사 #${target.articleId}`}</span>
        <strong>
          <Link href={`/newsroom/articles/${target.articleId}`}>{target.headline}</Link>
        </strong>
      </div>
      {target.comment && <p className="takedown-card__quote">{target.comment.body}</p>}
      <p className={target.poster.kind === "guest" ? "takedown-poster--guest" : undefined}>게재자: {posterNotice(target.poster)}</p>
    </>
  );
}
