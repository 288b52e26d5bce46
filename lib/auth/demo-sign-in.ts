import "server-only";
// What the embedded demo's sign-in page says about the demo accounts: who they are and where
// their password is (never the password itself). Only for `npm start` on the embedded database,
// which sets NEWSROOM_DEMO_PASSWORD_FILE; a newsroom on its own database (DATABASE_URL) gets null.
import { existsSync } from "node:fs";
import path from "node:path";
import { serverEnv, type Env } from "@/lib/config/env";
import { DEMO_STAFF } from "@/lib/seed/demo-staff";
import { ROLE_KO } from "@/lib/staff/role-labels";

export interface DemoSignInHint {
  /** `permission`: what the account may do beyond a reporter (데스크, 관리자); a reporter's title says it. */
  accounts: { email: string; name: string; title: string; permission: string | null }[];
  /** The generated password's file (as the person who ran npm start would type it), or DEMO_PASSWORD. */
  password: { kind: "file"; path: string } | { kind: "env" };
}

export function demoSignInHint(env: Env = serverEnv(), cwd = process.cwd()): DemoSignInHint | null {
  const file = env.NEWSROOM_DEMO_PASSWORD_FILE;
  if (!file) return null;
  const accounts = Object.values(DEMO_STAFF).map((person) => ({ email: person.email, name: person.name, title: person.title, permission: person.role === "REPORTER" ? null : ROLE_KO[person.role] }));
  // The file exists when the password was generated; with DEMO_PASSWORD set at the first start
  // none is written.
  if (!existsSync(file)) return { accounts, password: { kind: "env" } };
  const relative = path.relative(cwd, file);
  return { accounts, password: { kind: "file", path: relative.startsWith("..") || path.isAbsolute(relative) ? file : relative } };
}
