// The admins' settings, gathered on one page (/newsroom/admin) so the newsroom header keeps to
// one line at 1280 px: each setting is its own page, listed there when the person may use it.
import { canForAnyRecord, type Action } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";

const ADMIN_SETTINGS: { href: string; title: string; about: string; permission: Action }[] = [
  { href: "/newsroom/staff", title: "직원 관리", about: "계정 만들기, 역할·직함·바이라인, 비활성화, 비밀번호 초기화", permission: "staff.list" },
  { href: "/newsroom/audit", title: "보안 기록", about: "로그인, 권한 변경, 기사·댓글 처리의 기록", permission: "audit.read" },
  { href: "/newsroom/comments/settings", title: "댓글 운영 설정", about: "금칙어, 작성 간격, 신고 기준", permission: "comment.configure" },
  { href: "/newsroom/claims/settings", title: "권리구제 기한·보유 기간", about: "회신·게재 기한, 청구인 개인정보 보유 기간, 접수 제한", permission: "claim.configure" },
  { href: "/newsroom/elections", title: "선거", about: "여론조사 보도 공표 금지 기간을 정하는 선거 등록", permission: "election.manage" },
  { href: "/newsroom/newsletters", title: "뉴스레터", about: "아침 뉴스레터 시각, 구독자 수, 데모 발송함", permission: "newsletter.configure" },
];

/** The settings pages `staff` may open, in the page's order (empty: no 관리 link for them). */
export function adminSettingsFor(staff: Pick<StaffUser, "role">) {
  return ADMIN_SETTINGS.filter((setting) => canForAnyRecord(staff, setting.permission));
}
