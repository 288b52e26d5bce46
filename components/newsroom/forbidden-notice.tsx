import Link from "next/link";

/**
 * What a newsroom page answers, with HTTP 403, to someone whose role may not see it (a reporter
 * opening a colleague's story, the staff list or the security log): why, and the way back.
 */
export function ForbiddenNotice() {
  return (
    <section className="panel" role="alert" data-testid="newsroom-forbidden">
      <h1>이 화면을 볼 권한이 없습니다</h1>
      <p>기자는 자기 기사만 볼 수 있고, 직원 관리와 보안 기록은 관리자만, 댓글 관리는 데스크와 관리자만 씁니다. 필요하면 데스크나 관리자에게 요청하세요.</p>
      <p>
        <Link className="button button--secondary" href="/newsroom">
          뉴스룸 첫 화면으로
        </Link>
      </p>
    </section>
  );
}
