// The security log in Korean words: each recorded action named as staff say it, its details as a
// short readable line (no JSON, no raw ids: people by name), and the kinds the log filters by.
import { describe, expect, it } from "vitest";
import { AUDIT_KINDS, auditActionLabel, auditKindOf, describeAuditDetail } from "@/lib/audit/audit-labels";

const names = new Map([["cuser0intern00000000000", "최하은 인턴기자"]]);
const describe_ = (action: string, detail: unknown) => describeAuditDetail({ action, detail }, names);

describe("security log wording", () => {
  it.each([
    ["auth.login.success", "로그인"],
    ["auth.login.failure", "로그인 실패"],
    ["auth.login.locked", "로그인 잠김"],
    ["auth.logout", "로그아웃"],
    ["auth.password.change", "비밀번호 변경"],
    ["auth.password.change.failure", "비밀번호 변경 실패"],
    ["staff.create", "직원 계정 만듦"],
    ["staff.role.change", "역할 변경"],
    ["staff.title.change", "직함 변경"],
    ["staff.deactivate", "계정 비활성화"],
    ["staff.reactivate", "계정 다시 활성화"],
    ["staff.password.reset", "비밀번호 초기화"],
    ["article.submit", "데스크에 넘김"],
    ["article.return", "돌려보냄"],
    ["article.publish", "승인·발행"],
    ["article.schedule", "승인·예약 발행"],
    ["article.correct", "수정 승인"],
    ["article.unpublish", "게재 중단"],
    ["article.takeover", "편집 넘겨받음"],
    ["comment.hide", "댓글 숨김"],
    ["comment.ban", "댓글 작성자 차단"],
    ["media.update", "사진 설명 고침"],
    ["takedown.apply", "임시조치"],
    ["takedown.expire", "임시조치 기간 끝남"],
    ["election.create", "선거 등록"],
  ])("%s is %s", (action, label) => {
    expect(auditActionLabel(action)).toBe(label);
  });

  it("names an action it does not know in Korean too, never bare", () => {
    expect(auditActionLabel("something.new")).toBe("기타 기록");
  });

  it.each([
    ["auth.login.success", { knownDevice: true }, "쓰던 기기"],
    ["auth.login.failure", { email: "intern@newsroom.test", reason: "wrong-password", knownDevice: false }, "intern@newsroom.test · 비밀번호 틀림 · 새 기기"],
    ["auth.login.failure", { email: "nobody@newsroom.test", reason: "unknown-email", knownDevice: false }, "nobody@newsroom.test · 없는 계정 · 새 기기"],
    ["auth.login.locked", { email: "intern@newsroom.test" }, "intern@newsroom.test"],
    ["staff.create", { email: "new@newsroom.test", role: "REPORTER", title: "인턴기자" }, "new@newsroom.test · 기자 · 인턴기자"],
    ["staff.role.change", { from: "REPORTER", to: "EDITOR" }, "기자 → 데스크"],
    ["staff.title.change", { from: "인턴기자", to: "기자" }, "인턴기자 → 기자"],
    ["staff.update", { fields: ["name", "bylineEmail", "bio"] }, "이름, 바이라인 이메일, 소개"],
    ["article.return", { note: "출처를 하나 더 확인해 주세요." }, "메모: 출처를 하나 더 확인해 주세요."],
    ["article.schedule", { revisionId: "crev0000000000000000000", publishAt: "2026-12-08T00:00:00.000Z" }, "발행 2026-12-08 09:00"],
    ["article.correct", { revisionId: "crev0000000000000000000", correctionType: "CORRECTION", correctionNote: "날짜를 바로잡습니다." }, "정정: 날짜를 바로잡습니다."],
    ["article.unpublish", { reason: "당사자 요청" }, "사유: 당사자 요청"],
    ["article.takeover", { from: "cuser0intern00000000000" }, "최하은 인턴기자에게서"],
    ["comment.hide", { articleId: 12, from: "VISIBLE" }, "게시 중이던 댓글"],
    ["comment.ban", { tag: "ab12c", days: 7, reason: "욕설" }, "작성자 ab12c · 7일 · 사유: 욕설"],
    ["media.update", { fields: ["alt", "caption"] }, "대체 텍스트, 사진 설명"],
    ["article.submit", null, ""],
    ["election.create", { name: "제23대 국회의원선거", startsAt: "2028-04-05T15:00:00.000Z", endsAt: "2028-04-12T09:00:00.000Z" }, "제23대 국회의원선거 · 여론조사 보도 금지 2028-04-06 00:00 ~ 2028-04-12 18:00"],
  ])("%s %j reads as %s", (action, detail, text) => {
    expect(describe_(action, detail)).toBe(text);
  });

  it("never prints JSON or an id, whatever the detail", () => {
    const text = describe_("something.new", { nested: { a: 1 }, list: [1, 2], userId: "cuser0intern00000000000", revisionId: "crev0000000000000000000" });
    expect(text).not.toMatch(/[{}[\]"]/);
    expect(text).not.toContain("crev0000000000000000000");
  });

  it("puts every action in a kind the log filters by", () => {
    expect(Object.values(AUDIT_KINDS).map((kind) => kind.label)).toEqual(["로그인·로그아웃", "비밀번호", "직원 관리", "기사 처리", "댓글 관리", "사진", "임시조치·선거"]);
    expect(auditKindOf("auth.login.failure")).toBe("login");
    expect(auditKindOf("auth.password.change")).toBe("password");
    expect(auditKindOf("staff.password.reset")).toBe("password");
    expect(auditKindOf("staff.role.change")).toBe("staff");
    expect(auditKindOf("article.restore")).toBe("article");
    expect(auditKindOf("comment.blocked-words.add")).toBe("comment");
    expect(auditKindOf("media.upload")).toBe("media");
    expect(auditKindOf("takedown.expire")).toBe("rights");
    expect(auditKindOf("election.delete")).toBe("rights");
  });
});
