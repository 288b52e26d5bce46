import "server-only";
// The impersonation check (nickname-impersonation.ts) with the paper's name and every active
// staff member's name and title, compiled once per version of the staff list. The version is read
// with the comment post's context (lib/comments/post-comment.ts), so a new hire's or a renamed
// reporter's name is protected from the next post on, on every instance.
import { compileImpersonationCheck, type Impersonation } from "@/lib/comments/nickname-impersonation";
import { siteName } from "@/lib/config/site";
import { db } from "@/lib/db";

let cached: { version: string; check: Promise<(nickname: string) => Impersonation | null> } | undefined;

/** The check for staff list `version` (any string that changes when a name, title or active flag does). */
export function impersonationCheck(version: string): Promise<(nickname: string) => Impersonation | null> {
  if (cached?.version === version) return cached.check;
  const check = db.user.findMany({ where: { active: true }, select: { name: true, title: true } }).then((staff) => compileImpersonationCheck(siteName, staff));
  cached = { version, check };
  check.catch(() => {
    if (cached?.check === check) cached = undefined;
  });
  return check;
}

export const IMPERSONATION_MESSAGES: Record<Impersonation, string> = {
  paper: "신문사 운영진으로 보일 수 있는 닉네임은 쓸 수 없습니다.",
  staff: "우리 신문 기자나 직원으로 보일 수 있는 닉네임은 쓸 수 없습니다.",
};
