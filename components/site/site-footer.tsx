import { siteCopyright, siteName } from "@/lib/config/site";

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{siteName} · 등록번호 서울 아00000 (데모) · 발행·편집인 정민호</p>
        <p>{siteCopyright}</p>
      </div>
    </footer>
  );
}
