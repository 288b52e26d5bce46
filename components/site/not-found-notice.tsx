/** The Korean 404 notice (inside the site's chrome). */
export function NotFoundNotice() {
  return (
    <section className="notice-page" aria-labelledby="not-found-heading">
      <p className="notice-page__code">404</p>
      <h1 id="not-found-heading">페이지를 찾을 수 없습니다</h1>
      <p>주소가 잘못되었거나, 아직 공개되지 않았거나, 없는 기사입니다.</p>
      <p>
        <a href="/">첫 화면으로 가기</a> · <a href="/search">기사 검색</a>
      </p>
    </section>
  );
}
