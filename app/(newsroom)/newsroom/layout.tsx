import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import "@/components/newsroom/newsroom.css";
import "@/components/newsroom/desk/desk.css";
import { adminSettingsFor } from "@/components/newsroom/admin-settings";
import { NewsroomMenu } from "@/components/newsroom/newsroom-menu";
import { SignOutButton } from "@/components/newsroom/sign-out-button";
import { countDeskQueue } from "@/lib/articles/workflow/desk-queue";
import { countUnreadNotifications } from "@/lib/notifications/staff-notifications";
import { countOpenClaims } from "@/lib/claims/claim-queue";
import { canForAnyRecord } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { staffHeaderLabel } from "@/lib/staff/role-labels";
import { siteName } from "@/lib/config/site";

export const metadata: Metadata = { title: "뉴스룸", robots: { index: false, follow: false } };

export default async function NewsroomLayout({ children }: { children: ReactNode }) {
  // Each page checks again for itself; this only draws the chrome for the signed-in person.
  const staff = await requireStaffPage({ allowPendingPasswordChange: true });
  const isDesk = canForAnyRecord(staff, "article.approve");
  // The header's counts: stories waiting for the desk, and one's own unread notifications.
  const [waiting, unread, claims] = staff.mustChangePassword
    ? [0, 0, { open: 0, overdue: 0 }]
    : await Promise.all([isDesk ? countDeskQueue(staff) : 0, countUnreadNotifications(staff), countOpenClaims(staff)]);
  return (
    <>
      <header className="newsroom-header">
        <div className="container newsroom-header__bar">
          <Link href="/newsroom" className="newsroom-header__brand">
            {siteName} 뉴스룸
          </Link>
          <NewsroomMenu waiting={waiting + unread + claims.overdue}>
            <nav className="newsroom-header__nav" aria-label="뉴스룸 메뉴">
              <Link href="/newsroom">기사</Link>
              {isDesk && (
                <Link href="/newsroom" data-testid="desk-queue-link">
                  데스크 대기열
                  <span className="desk-nav-count" data-testid="desk-waiting-count">
                    {waiting}
                  </span>
                  <span className="visually-hidden">건 기다림</span>
                </Link>
              )}
              {unread > 0 && (
                <Link href="/newsroom" data-testid="unread-link">
                  알림<span className="desk-nav-count">{unread}</span>
                  <span className="visually-hidden">건 읽지 않음</span>
                </Link>
              )}
              {canForAnyRecord(staff, "media.read") && <Link href="/newsroom/media">사진 보관함</Link>}
              {canForAnyRecord(staff, "eligibility.read") && (
                <Link href="/newsroom/eligibility" data-testid="eligibility-link">
                  자체 기사 비율
                </Link>
              )}
              {canForAnyRecord(staff, "comment.moderate") && <Link href="/newsroom/comments">댓글 관리</Link>}
              {canForAnyRecord(staff, "claim.read") && (
                <Link href="/newsroom/claims" data-testid="claims-link">
                  권리구제
                  <span className={claims.overdue > 0 ? "desk-nav-count desk-nav-count--overdue" : "desk-nav-count"}>
                    {claims.overdue > 0 ? `${claims.overdue}/${claims.open}` : claims.open}
                  </span>
                  <span className="visually-hidden">{`진행 중인 청구 ${claims.open}건, 기한 넘김 ${claims.overdue}건`}</span>
                </Link>
              )}
              {canForAnyRecord(staff, "portal.read") && <Link href="/newsroom/portal">포털 송고</Link>}
              {canForAnyRecord(staff, "takedown.manage") && <Link href="/newsroom/takedowns">임시조치</Link>}
              {adminSettingsFor(staff).length > 0 && (
                <Link href="/newsroom/admin" data-testid="admin-settings-link">
                  관리
                </Link>
              )}
              <Link href="/newsroom/help">도움말</Link>
              <Link href="/">사이트 보기</Link>
            </nav>
            <div className="newsroom-header__user">
              {/* One's own account (password, profile) is behind one's name: the header keeps to one line. */}
              <Link href="/newsroom/account" title="내 계정" data-testid="account-link">
                <span data-testid="signed-in-as">{staffHeaderLabel(staff)}</span>
              </Link>
              <SignOutButton />
            </div>
          </NewsroomMenu>
        </div>
      </header>
      <main className="container newsroom-main">{children}</main>
    </>
  );
}
