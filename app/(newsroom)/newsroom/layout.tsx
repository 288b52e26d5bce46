import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import "@/components/newsroom/desk/desk.css";
import { SignOutButton } from "@/components/newsroom/sign-out-button";
import { countDeskQueue } from "@/lib/articles/desk-queue";
import { countUnreadNotifications } from "@/lib/notifications/staff-notifications";
import { canForAnyRecord } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { ROLE_KO } from "@/lib/staff/role-labels";
import { siteName } from "@/lib/config/site";

export const metadata: Metadata = { title: "뉴스룸", robots: { index: false, follow: false } };

export default async function NewsroomLayout({ children }: { children: ReactNode }) {
  // Each page checks again for itself; this only draws the chrome for the signed-in person.
  const staff = await requireStaffPage({ allowPendingPasswordChange: true });
  // The header's counts: stories waiting for the desk, and one's own unread notifications.
  const [waiting, unread] = staff.mustChangePassword
    ? [0, 0]
    : await Promise.all([canForAnyRecord(staff, "article.approve") ? countDeskQueue(staff) : 0, countUnreadNotifications(staff)]);
  return (
    <>
      <header className="newsroom-header">
        <div className="container">
          <Link href="/newsroom" className="newsroom-header__brand">
            {siteName} 뉴스룸
          </Link>
          <nav className="newsroom-header__nav" aria-label="뉴스룸 메뉴">
            <Link href="/newsroom">기사</Link>
            {canForAnyRecord(staff, "article.approve") && (
              <Link href="/newsroom" data-testid="desk-queue-link">
                데스크 대기열
                <span className="desk-nav-count" data-testid="desk-waiting-count" aria-label={`기다리는 기사 ${waiting}건`}>
                  {waiting}
                </span>
              </Link>
            )}
            {unread > 0 && (
              <Link href="/newsroom" data-testid="unread-link">
                알림<span className="desk-nav-count">{unread}</span>
              </Link>
            )}
            {canForAnyRecord(staff, "media.read") && <Link href="/newsroom/media">사진 보관함</Link>}
            {canForAnyRecord(staff, "comment.moderate") && <Link href="/newsroom/comments">댓글 관리</Link>}
            {canForAnyRecord(staff, "portal.read") && <Link href="/newsroom/portal">포털 송고</Link>}
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
