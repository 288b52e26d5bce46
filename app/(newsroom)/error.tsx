"use client";
// What staff see when a newsroom page cannot be drawn (its layout included: the database is down,
// say). Next.js's own page says so in English only; in production the error's text is withheld
// from the browser, so this names the likely cause and what happened to unsaved text (the story
// editor keeps it on the device and offers it back when the editor opens again).
export default function NewsroomError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <main className="container">
      <section className="panel" role="alert" data-testid="newsroom-error">
        <h1>뉴스룸 화면을 열지 못했습니다</h1>
        <p>서버나 데이터베이스가 잠시 응답하지 않습니다. 잠시 뒤 다시 시도하세요.</p>
        <p className="notice">기사 편집기에서 쓰던 글은 이 기기에 보관되어 있습니다. 편집기를 다시 열면 되살릴 수 있습니다.</p>
        <p>
          <button type="button" className="button" onClick={() => retry()}>
            다시 시도
          </button>
        </p>
      </section>
    </main>
  );
}
