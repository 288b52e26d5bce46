// next-auth renews the JWT's expiry whenever /api/auth/session is called, so a copied cookie
// could be kept alive forever. The sign-in time travels in the token instead, and a session
// older than this is refused whatever its expiry says.
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export function isSessionTooOld(signedInAtSeconds: unknown, nowMs = Date.now()): boolean {
  return typeof signedInAtSeconds !== "number" || nowMs / 1000 - signedInAtSeconds > SESSION_MAX_AGE_SECONDS;
}
