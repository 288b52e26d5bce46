import Link from "next/link";
import type { ReactNode } from "react";

/**
 * A newsroom page that cannot be shown (404, 403): what happened, in Korean, and the way back to
 * the newsroom's front page, inside the newsroom's chrome.
 */
export function WayBackNotice({ testId, title, children, linkLabel }: { testId: string; title: string; children: ReactNode; linkLabel: string }) {
  return (
    <section className="panel" role="alert" data-testid={testId}>
      <h1>{title}</h1>
      <p>{children}</p>
      <p>
        <Link className="button button--secondary" href="/newsroom">
          {linkLabel}
        </Link>
      </p>
    </section>
  );
}

/** forbidden() in a newsroom page or the staff preview (answered with HTTP 403). */
export function ForbiddenNotice() {
  return (
    <WayBackNotice testId="newsroom-forbidden" title="이 화면을 볼 권한이 없습니다" linkLabel="뉴스룸 첫 화면으로">
      기자는 자기 기사만 볼 수 있고, 직원 관리와 보안 기록은 관리자만, 댓글 관리와 자체 기사 비율은 데스크와 관리자만 씁니다. 필요하면 데스크나 관리자에게 요청하세요.
    </WayBackNotice>
  );
}
