import type { Role } from "@/lib/generated/prisma/enums";

/** How the newsroom names each role (the byline title is separate). */
export const ROLE_KO: Record<Role, string> = { REPORTER: "기자", EDITOR: "데스크", ADMIN: "관리자" };

/**
 * The signed-in person as the newsroom's header shows them: the byline ("최하은 인턴기자"), and the
 * permission only where it says something the title does not (데스크, 관리자); a reporter's title
 * already says 기자.
 */
export function staffHeaderLabel(staff: { name: string; title: string; role: Role }): string {
  const byline = `${staff.name} ${staff.title}`;
  return staff.role === "REPORTER" ? byline : `${byline} · ${ROLE_KO[staff.role]}`;
}
