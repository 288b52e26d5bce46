/** What a withdrawn story's address shows (with status 410 Gone). */
export function GoneNotice() {
  return (
    <section className="notice-page" aria-labelledby="gone-heading">
      <p className="notice-page__code">410</p>
      <h1 id="gone-heading">삭제된 기사입니다</h1>
      <p>이 기사는 편집국의 판단에 따라 게재가 중단되어 더 이상 볼 수 없습니다.</p>
      <p>
        <a href="/">첫 화면으로 가기</a> · <a href="/search">기사 검색</a>
      </p>
    </section>
  );
}
