// Nicknames that pass for the paper or its staff are refused however they are spaced, dotted,
// hyphenated or widened; ordinary nicknames that merely share letters pass.
import { describe, expect, it } from "vitest";
import { compileImpersonationCheck, nicknameKey } from "@/lib/comments/nickname-impersonation";

const check = compileImpersonationCheck("누리일보", [
  { name: "박서연", title: "선임기자" },
  { name: "정민호", title: "편집국장" },
  { name: "이준혁", title: "기자" },
]);

const PAPER = ["관리자", "관 리 자", "관.리.자", "관-리-자", "관_리_자", "운영자입니다", "누리일보", "누리 일보", "누리.일보 독자", "ＡＤＭＩＮ", "Ａｄｍｉｎ 김", "admin", "ADMIN", "admin_kim", "adm in", "관\u0301리자", "편집부", "moderator"];
const STAFF = ["박서연", "박서연 선임기자", "박서연선임기자", "박서연 기자", "선임기자 박서연", "박.서.연", "박-서연", "박서연님", "박 서 연 씨", "정민호 편집국장", "편집국장정민호", "정민호 국장", "이준혁 기자", "이준혁 인턴기자", "ｲ준혁 기자".replace("ｲ", "이"), "박서연 데스크"];
const ORDINARY = ["동네주민", "서울시민", "누리꾼", "badminton", "기자지망생", "박서연팬", "서연", "박서", "김박서연", "준혁이형", "민호", "정치에관심많은독자", "Seoul reader", "편집", "관리", "운영"];

describe("nicknames that pass for the paper or its staff", () => {
  it.each(PAPER)("%s: the paper's voice", (nickname) => {
    expect(check(nickname)).toBe("paper");
  });
  it.each(STAFF)("%s: a staff member", (nickname) => {
    expect(check(nickname)).toBe("staff");
  });
  it.each(ORDINARY)("%s: an ordinary reader", (nickname) => {
    expect(check(nickname)).toBeNull();
  });

  it("compares letters and digits only, after NFKC and lower case", () => {
    expect(nicknameKey("Ａ d.m-i_n！")).toBe("admin");
    expect(nicknameKey("관 리\u3000자")).toBe("관리자");
    expect(nicknameKey("Ｋｉｍ ① ⅱ")).toBe("kim1ii");
  });
});
