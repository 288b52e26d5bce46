import "server-only";
// next-auth (v4) configuration: a credentials provider backed by signInWithPassword, sessions as
// signed JWT cookies. The token carries the user's id and sessionVersion; lib/auth/session.ts
// checks both against the database on every protected request, so deactivation, a role change,
// a password change or signing out ends existing sessions at once.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { deviceTokenFromCookieHeader } from "@/lib/auth/device-cookie";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { rememberDeviceToken } from "@/lib/auth/sign-in-context";
import { serverEnv } from "@/lib/config/env";
import { logger } from "@/lib/observability/logger";
import { isStorableText } from "@/lib/schemas/common";
import { CLIENT_IP_HEADER } from "@/lib/auth/client-ip";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/session-age";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";

/** Error codes the login form turns into Korean messages. next-auth passes any message thrown
 * from `authorize` to the browser, so only these are ever thrown. */
export const SIGN_IN_LOCKED_PREFIX = "LOCKED:";
const SIGN_IN_UNAVAILABLE = "UNAVAILABLE";

// NUL and broken Unicode are refused here, before the database sees them (PostgreSQL rejects NUL
// with an error whose text must not reach the browser).
const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(320).refine(isStorableText),
  password: z.string().min(1).max(1000).refine(isStorableText),
});

function headerValue(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== "object") return undefined;
  const value: unknown = Reflect.get(headers, name);
  return typeof value === "string" ? value : undefined;
}

/** Whether the site is served over https (NEXTAUTH_URL says so): then cookies are Secure. */
export function usesSecureCookies(): boolean {
  return serverEnv().NEXTAUTH_URL?.startsWith("https://") ?? false;
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // Explicit rather than next-auth's guess: behind a TLS-terminating proxy the app itself sees http.
  useSecureCookies: usesSecureCookies(),
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "이메일",
      credentials: {
        email: { label: "이메일", type: "email" },
        password: { label: "비밀번호", type: "password" },
      },
      async authorize(credentials, req) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const ip = headerValue(req?.headers, CLIENT_IP_HEADER) ?? "unknown";
        const deviceToken = deviceTokenFromCookieHeader(headerValue(req?.headers, "cookie"));
        let result: Awaited<ReturnType<typeof signInWithPassword>>;
        try {
          result = await signInWithPassword({ ...parsed.data, ip, deviceToken });
        } catch (error) {
          logger().error({ err: error }, "sign-in failed unexpectedly");
          throw new Error(SIGN_IN_UNAVAILABLE);
        }
        if (result.ok) {
          rememberDeviceToken(result.deviceToken);
          return { id: result.userId, sessionVersion: result.sessionVersion };
        }
        if (result.reason === "locked") {
          const minutes = Math.max(1, Math.ceil((result.lockedUntil.getTime() - Date.now()) / 60_000));
          throw new Error(`${SIGN_IN_LOCKED_PREFIX}${minutes}`);
        }
        return null;
      },
    }),
  ],
  callbacks: {
    // Only paths on this site, checked the same way as the login page checks callbackUrl.
    redirect({ url, baseUrl }) {
      const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
      return `${baseUrl}${safeCallbackUrl(path)}`;
    },
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = user.sessionVersion;
        token.signedInAt = Math.floor(Date.now() / 1000);
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, user: { id: token.uid } };
    },
  },
  events: {
    // Signing out ends this user's sessions everywhere: a copied cookie stops working too.
    async signOut({ token }) {
      if (typeof token?.uid !== "string" || typeof token.sv !== "number") return;
      const { count } = await db.user.updateMany({ where: { id: token.uid, sessionVersion: token.sv }, data: { sessionVersion: { increment: 1 } } });
      if (count) await recordAudit({ actorId: token.uid, action: "auth.logout", targetType: "User", targetId: token.uid });
    },
  },
};

