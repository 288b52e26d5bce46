import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/newsroom/sign-out-button";
import { canForAnyRecord } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { ROLE_KO } from "@/lib/staff/role-labels";
import { siteName } from "@/lib/config/site";

export const metadata: Metadata = { title: "뉴스룸", robots: { index: false, follow: false } };

export default async function NewsroomLayout({ children }: { children: ReactNode }) {
  // Each page checks again for itself; this only draws the chrome for the signed-in person.
  const staff = await requireStaffPage({ allowPendingPasswordChange: true });
  return (
    <>
      <header className="newsroom-header">
        <div className="container">
          <Link href="/newsroom" className="newsroom-header__brand">
            {siteName} 뉴스룸
          </Link>
          <nav className="newsroom-header__nav" aria-label="뉴스룸 메뉴">
            <Link href="/newsroom">기사</Link>
            {canForAnyRecord(staff, "article.approve") && <Link href="/newsroom?status=SUBMITTED">데스크 검토</Link>}
            {canForAnyRecord(staff, "media.read") && <Link href="/newsroom/media">사진 보관함</Link>}
            {canForAnyRecord(staff, "comment.moderate") && <Link href="/newsroom/comments">댓글 관리</Link>}
            {canForAnyRecord(staff, "staff.list") && <Link href="/newsroom/staff">직원 관리</Link>}
            {canForAnyRecord(staff, "audit.read") && <Link href="/newsroom/audit">보안 기록</Link>}
            <Link href="/newsroom/account">내 계정</Link>
            <Link href="/">사이트 보기</Link>
          </nav>
          <div className="newsroom-header__user">
            <span data-testid="signed-in-as">
              {staff.name} {staff.title} · {ROLE_KO[staff.role]}
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="container newsroom-main">{children}</main>
    </>
  );
}
