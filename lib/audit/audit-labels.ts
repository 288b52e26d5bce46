// The security log in staff's words: what each recorded action is called, its details as one
// short line (people by name, times in Korea time, no JSON and no raw ids), and the kinds the log
// filters by. Pure: the page and the unit test use it as is.
import { formatKstMinute } from "@/lib/format/korean-time";
import { ROLE_KO } from "@/lib/staff/role-labels";

const ACTION_KO: Record<string, string> = {
  "auth.login.success": "로그인",
  "auth.login.failure": "로그인 실패",
  "auth.login.locked": "로그인 잠김",
  "auth.logout": "로그아웃",
  "auth.password.change": "비밀번호 변경",
  "auth.password.change.failure": "비밀번호 변경 실패",
  "staff.create": "직원 계정 만듦",
  "staff.role.change": "역할 변경",
  "staff.title.change": "직함 변경",
  "staff.update": "직원 정보 수정",
  "staff.deactivate": "계정 비활성화",
  "staff.reactivate": "계정 다시 활성화",
  "staff.password.reset": "비밀번호 초기화",
  "profile.update": "내 정보 수정",
  "article.create": "기사 만듦",
  "article.save": "기사 저장",
  "article.submit": "데스크에 넘김",
  "article.withdraw": "회수",
  "article.return": "돌려보냄",
  "article.publish": "승인·발행",
  "article.schedule": "승인·예약 발행",
  "article.reschedule": "예약 시각 바꿈",
  "article.cancel-schedule": "예약 취소",
  "article.approve-update": "수정 승인",
  "article.correct": "수정 승인",
  "article.unpublish": "게재 중단",
  "article.republish": "다시 게재",
  "article.restore": "옛 판 되살림",
  "article.takeover": "편집 넘겨받음",
  "comment.hide": "댓글 숨김",
  "comment.restore": "댓글 다시 게시",
  "comment.delete": "댓글 삭제",
  "comment.ban": "댓글 작성자 차단",
  "comment.unban": "댓글 차단 풀기",
  "comment.close": "기사 댓글 닫기",
  "comment.open": "기사 댓글 다시 열기",
  "comment.settings": "댓글 운영 설정 변경",
  "comment.blocked-words.add": "금칙어 추가",
  "comment.blocked-words.remove": "금칙어 삭제",
  "media.upload": "사진 올림",
  "media.update": "사진 설명 고침",
  "takedown.apply": "임시조치",
  "takedown.expire": "임시조치 기간 끝남",
  "takedown.restore": "임시조치 조기 복원",
  "takedown.delete": "임시조치 뒤 삭제",
  "election.create": "선거 등록",
  "election.delete": "선거 삭제",
};

/** The kinds the log filters by: each the actions whose names start with one of its prefixes (no action is in two). */
export const AUDIT_KINDS = {
  login: { label: "로그인·로그아웃", prefixes: ["auth.login.", "auth.logout"] },
  password: { label: "비밀번호", prefixes: ["auth.password.", "staff.password."] },
  staff: { label: "직원 관리", prefixes: ["staff.create", "staff.role.", "staff.title.", "staff.update", "staff.deactivate", "staff.reactivate", "profile."] },
  article: { label: "기사 처리", prefixes: ["article."] },
  comment: { label: "댓글 관리", prefixes: ["comment."] },
  media: { label: "사진", prefixes: ["media."] },
  rights: { label: "임시조치·선거", prefixes: ["takedown.", "election."] },
} as const satisfies Record<string, { label: string; prefixes: readonly string[] }>;

export type AuditKind = keyof typeof AUDIT_KINDS;

export const isAuditKind = (value: string): value is AuditKind => Object.hasOwn(AUDIT_KINDS, value);

/** The kind an action belongs to (a staff password reset is 비밀번호, not 직원 관리). */
export function auditKindOf(action: string): AuditKind | null {
  for (const [kind, { prefixes }] of Object.entries(AUDIT_KINDS) as [AuditKind, { prefixes: readonly string[] }][]) {
    if (prefixes.some((prefix) => action.startsWith(prefix))) return kind;
  }
  return null;
}

export function auditActionLabel(action: string): string {
  return ACTION_KO[action] ?? "기타 기록";
}

const FIELD_KO: Record<string, string> = {
  name: "이름",
  role: "역할",
  title: "직함",
  bylineEmail: "바이라인 이메일",
  bio: "소개",
  photo: "사진",
  alt: "대체 텍스트",
  caption: "사진 설명",
  credit: "사진 출처",
};

const LOGIN_FAILURE_KO: Record<string, string> = { "wrong-password": "비밀번호 틀림", "unknown-email": "없는 계정", inactive: "비활성 계정" };
const CORRECTION_KO: Record<string, string> = { UPDATE: "수정", CORRECTION: "정정", REPLY: "반론" };
const COMMENT_STATUS_KO: Record<string, string> = { VISIBLE: "게시 중이던 댓글", HELD: "검토 대기이던 댓글", HIDDEN: "숨김이던 댓글", DELETED: "삭제된 댓글" };
const ROLES: Record<string, string> = ROLE_KO;

type Detail = Record<string, unknown>;
const text = (value: unknown) => (typeof value === "string" ? value : typeof value === "number" ? String(value) : "");
const list = (value: unknown, labels: Record<string, string>) => (Array.isArray(value) ? value.map((item) => labels[text(item)] ?? text(item)).filter(Boolean).join(", ") : "");
const when = (value: unknown) => (typeof value === "string" && !Number.isNaN(Date.parse(value)) ? formatKstMinute(new Date(value)) : "");
const join = (...parts: string[]) => parts.filter(Boolean).join(" · ");
const labelled = (label: string, value: string) => (value ? `${label}: ${value}` : "");

/**
 * One readable line for an entry's details; `names` maps staff ids to "이름 직함". Whatever a
 * detail holds, the line carries no JSON and no ids (an unknown shape prints its plain words).
 */
export function describeAuditDetail(entry: { action: string; detail: unknown }, names: ReadonlyMap<string, string>): string {
  const detail: Detail = entry.detail && typeof entry.detail === "object" && !Array.isArray(entry.detail) ? (entry.detail as Detail) : {};
  const device = detail.knownDevice === true ? "쓰던 기기" : detail.knownDevice === false ? "새 기기" : "";
  switch (entry.action) {
    case "auth.login.success":
      return device;
    case "auth.login.failure":
      return join(text(detail.email), LOGIN_FAILURE_KO[text(detail.reason)] ?? "", device);
    case "auth.login.locked":
      return text(detail.email);
    case "staff.create":
      return join(text(detail.email), ROLES[text(detail.role)] ?? "", text(detail.title));
    case "staff.role.change":
      return `${ROLES[text(detail.from)] ?? text(detail.from)} → ${ROLES[text(detail.to)] ?? text(detail.to)}`;
    case "staff.title.change":
      return `${text(detail.from)} → ${text(detail.to)}`;
    case "staff.update":
    case "profile.update":
    case "media.update":
      return list(detail.fields, FIELD_KO);
    case "article.return":
    case "article.withdraw":
    case "article.cancel-schedule":
      return labelled("메모", text(detail.note));
    case "article.unpublish":
    case "article.republish":
      return labelled("사유", text(detail.reason));
    case "article.schedule":
    case "article.reschedule":
    case "article.approve-update":
      return when(detail.publishAt) ? `발행 ${when(detail.publishAt)}` : "";
    case "article.correct": {
      const type = CORRECTION_KO[text(detail.correctionType)] ?? "";
      const note = text(detail.correctionNote);
      return type && note ? `${type}: ${note}` : type || note;
    }
    case "article.restore":
      return detail.revisionNumber ? `${text(detail.revisionNumber)}번 판` : "";
    case "article.takeover":
      return names.get(text(detail.from)) ? `${names.get(text(detail.from))}에게서` : "";
    case "comment.hide":
    case "comment.restore":
    case "comment.delete":
      return detail.because === "ban" ? "작성자 차단과 함께" : (COMMENT_STATUS_KO[text(detail.from)] ?? "");
    case "comment.ban":
      return join(detail.tag ? `작성자 ${text(detail.tag)}` : "", detail.days ? `${text(detail.days)}일` : "", labelled("사유", text(detail.reason)));
    case "comment.blocked-words.add":
    case "comment.blocked-words.remove":
      return list(detail.words, {});
    case "media.upload":
      return "";
    case "election.create":
    case "election.delete":
      return join(text(detail.name), when(detail.startsAt) && when(detail.endsAt) ? `여론조사 보도 금지 ${when(detail.startsAt)} ~ ${when(detail.endsAt)}` : "");
    default:
      return plainWords(detail);
  }
}

/** An unknown detail's plain values (strings and numbers that are not ids), for a log that never shows JSON. */
function plainWords(detail: Detail): string {
  return Object.entries(detail)
    .filter(([key, value]) => !/id$/i.test(key) && (typeof value === "string" || typeof value === "number"))
    .map(([, value]) => text(value))
    .join(" · ");
}
