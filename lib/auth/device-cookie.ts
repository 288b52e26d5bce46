import "server-only";
// OWASP's "device cookie" defence against locking someone out on purpose: a browser where a
// person signed in successfully gets a signed cookie naming that account. Sign-in attempts that
// carry a valid one are counted against that device alone, so an outsider's wrong guesses (which
// lock the account and the address for every browser without such a cookie) do not keep the
// owner out of the newsroom. The outsider cannot get a device cookie without the password.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { serverEnv } from "@/lib/config/env";

const DEVICE_COOKIE_NAME = "newsroom-device";
const DEVICE_COOKIE_MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

interface DevicePayload {
  /** Which account (a hash of the e-mail, so the cookie does not show it). */
  a: string;
  /** This device's id: the key its attempts are counted under. */
  n: string;
  /** Issued at, seconds. */
  t: number;
}

function signingKey(): Buffer {
  const secret = serverEnv().NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  return createHash("sha256").update(`device-cookie:${secret}`).digest();
}

const accountDigest = (email: string) => createHash("sha256").update(`device-account:${email}`).digest("base64url").slice(0, 22);
const sign = (body: string) => createHmac("sha256", signingKey()).update(body).digest("base64url");

/** A new device cookie value for `email` (already normalised). */
export function issueDeviceToken(email: string, now = new Date()): string {
  const payload: DevicePayload = { a: accountDigest(email), n: randomBytes(12).toString("base64url"), t: Math.floor(now.getTime() / 1000) };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${sign(body)}`;
}

/** The device id when `token` is a valid, unexpired device cookie for `email`; otherwise null. */
export function deviceIdFor(token: string | undefined, email: string, now = new Date()): string | null {
  if (!token || token.length > 400) return null;
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(body));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let payload: Partial<DevicePayload>;
  try {
    payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Partial<DevicePayload>;
  } catch {
    return null;
  }
  if (typeof payload.n !== "string" || typeof payload.t !== "number" || payload.a !== accountDigest(email)) return null;
  if (now.getTime() / 1000 - payload.t > DEVICE_COOKIE_MAX_AGE_SECONDS) return null;
  return payload.n;
}

/** The cookie's value from a Cookie header, if present. */
export function deviceTokenFromCookieHeader(cookieHeader: string | null | undefined): string | undefined {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === DEVICE_COOKIE_NAME) return rest.join("=") || undefined;
  }
  return undefined;
}

/** The Set-Cookie header for a device cookie: HttpOnly, only sent to the sign-in endpoints. */
export function deviceCookieHeader(token: string, secure: boolean): string {
  return [`${DEVICE_COOKIE_NAME}=${token}`, "Path=/api/auth", `Max-Age=${DEVICE_COOKIE_MAX_AGE_SECONDS}`, "HttpOnly", "SameSite=Lax", ...(secure ? ["Secure"] : [])].join("; ");
}
