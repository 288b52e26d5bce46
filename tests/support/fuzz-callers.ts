// Who a fuzz test calls the running app as: nobody (no cookie), and one fresh staff account per
// role, signed in over HTTP. The accounts are the test's own, so nothing other tests look at
// changes when an editor's session is used to fuzz.
import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password-hash";
import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { signInOverHttp } from "./http-session";

export type FuzzCaller = "anonymous" | Role;
export const FUZZ_CALLERS: FuzzCaller[] = ["anonymous", "REPORTER", "EDITOR", "ADMIN"];

/** How many generated cases a property runs per route and caller: FUZZ_RUNS, else the CI's default. */
export function fuzzRuns(ciDefault: number): number {
  const fromEnv = Number(process.env.FUZZ_RUNS);
  return Number.isSafeInteger(fromEnv) && fromEnv > 0 ? fromEnv : ciDefault;
}

export interface FuzzCallers {
  /** The Cookie header for a caller (none for anonymous). */
  cookieFor(caller: FuzzCaller): string | undefined;
  /** The staff accounts' user ids, by role. */
  userIds: Record<Role, string>;
}

/** Creates one account per role in the app's database and signs each in. */
export async function createFuzzCallers(db: Db, baseUrl: string): Promise<FuzzCallers> {
  const password = `fuzz-${randomUUID()}`;
  const passwordHash = await hashPassword(password);
  const cookies = new Map<FuzzCaller, string>();
  const userIds = {} as Record<Role, string>;
  for (const role of ["REPORTER", "EDITOR", "ADMIN"] as const) {
    const email = `fuzz-${role.toLowerCase()}-${randomUUID().slice(0, 8)}@newsroom.test`;
    const user = await db.user.create({ data: { email, name: `퍼즈 ${role} ${randomUUID().slice(0, 4)}`, role, title: "기자", passwordHash } });
    userIds[role] = user.id;
    cookies.set(role, (await signInOverHttp(baseUrl, email, password)).cookie);
  }
  return { cookieFor: (caller) => cookies.get(caller), userIds };
}
