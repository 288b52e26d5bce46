// Reading a next-auth session cookie: decrypted and checked with the server's secret, so a cookie
// nobody signed in for is nothing. Not marked server-only: the response cache in front of Next.js
// (server/response-cache/) also asks whether a cookie is a staff session before it lets a
// request past the cache.
import { decode } from "next-auth/jwt";
import { isSessionTooOld } from "@/lib/auth/session-age";

/** What our session tokens carry (lib/auth/auth-options.ts): the account and its sessionVersion. */
export interface SessionClaims {
  uid: string;
  sv: number;
  signedInAt: number;
}

/** The claims of a session token this server issued and that is not too old, else null. */
export async function readSessionToken(raw: string, secret: string | undefined): Promise<SessionClaims | null> {
  if (!secret) return null;
  const token = await decode({ token: raw, secret }).catch(() => null);
  if (!token || typeof token.uid !== "string" || typeof token.sv !== "number" || isSessionTooOld(token.signedInAt)) return null;
  return { uid: token.uid, sv: token.sv, signedInAt: token.signedInAt as number };
}
