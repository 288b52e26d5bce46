export function AccessDenied({ message = "이 페이지를 볼 권한이 없습니다." }: { message?: string }) {
  return (
    <section className="panel" role="alert">
      <h1>권한 없음</h1>
      <p>{message}</p>
    </section>
  );
}
