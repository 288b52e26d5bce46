import type { Role } from "@/lib/generated/prisma/enums";

/** How the newsroom names each role (the byline title is separate). */
export const ROLE_KO: Record<Role, string> = { REPORTER: "기자", EDITOR: "데스크", ADMIN: "관리자" };
