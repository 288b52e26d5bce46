import Link from "next/link";

export default function NotFound() {
  return (
    <main className="container" style={{ padding: "64px 16px" }}>
      <h1>페이지를 찾을 수 없습니다</h1>
      <p>주소가 바뀌었거나 삭제된 기사일 수 있습니다.</p>
      <p>
        <Link href="/">첫 화면으로 가기</Link>
      </p>
    </main>
  );
}
