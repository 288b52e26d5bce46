import "server-only";
// Who is signed in, checked against the database on every request (once per request, thanks to
// React's cache): the account must still be active and the token's sessionVersion current.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { serverEnv } from "@/lib/config/env";
import { isSessionTooOld } from "@/lib/auth/session-age";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/session-cookie-names";
import { readSessionToken } from "@/lib/auth/session-token";
import { staffUserSelect, type StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";


/** The staff member a token belongs to, if the token is still good. */
export async function staffForToken(token: { uid?: unknown; sv?: unknown; signedInAt?: unknown } | null): Promise<StaffUser | null> {
  if (!token || typeof token.uid !== "string" || typeof token.sv !== "number") return null;
  if (isSessionTooOld(token.signedInAt)) return null;
  const user = await db.user.findUnique({ where: { id: token.uid }, select: staffUserSelect });
  if (!user || !user.active || user.sessionVersion !== token.sv) return null;
  const { active: _active, ...staff } = user;
  return staff;
}

export const getCurrentStaff = cache(async (): Promise<StaffUser | null> => {
  const jar = await cookies();
  const raw = SESSION_COOKIE_NAMES.map((name) => jar.get(name)?.value).find((value) => !!value);
  if (!raw) return null;
  return staffForToken(await readSessionToken(raw, serverEnv().NEXTAUTH_SECRET));
});

/**
 * For newsroom pages: the signed-in staff member, or a redirect to the login page. Someone who
 * must replace a temporary password is sent to do that first.
 */
export async function requireStaffPage(options: { allowPendingPasswordChange?: boolean } = {}): Promise<StaffUser> {
  const staff = await getCurrentStaff();
  if (!staff) redirect("/login?reason=signed-out");
  if (staff.mustChangePassword && !options.allowPendingPasswordChange) redirect("/newsroom/account/password?reason=temporary");
  return staff;
}

/**
 * For server actions and API routes: the signed-in staff member, or UNAUTHENTICATED. Someone
 * still on an admin-issued temporary password may do nothing but replace it (FORBIDDEN).
 */
export async function requireStaff(options: { allowPendingPasswordChange?: boolean } = {}): Promise<StaffUser> {
  const staff = await getCurrentStaff();
  if (!staff) throw new DomainError("UNAUTHENTICATED", "로그인이 필요합니다. 다시 로그인하세요.");
  if (staff.mustChangePassword && !options.allowPendingPasswordChange) {
    throw new DomainError("FORBIDDEN", "관리자가 만든 임시 비밀번호를 먼저 새 비밀번호로 바꾸세요.");
  }
  return staff;
}

/** Removes the session cookie (from a server action or route handler) once the session has been ended server-side. */
export async function clearSessionCookies(): Promise<void> {
  const jar = await cookies();
  for (const name of SESSION_COOKIE_NAMES) jar.delete(name);
}
