// Runs before every page. Two jobs only:
// 1. Signed-out visits to /newsroom go to /login and come back afterwards. This is a
//    convenience, never the guard: every newsroom page and domain function checks the session
//    against the database itself.
// 2. A fresh nonce and the Content-Security-Policy for each HTML response.
import { NextResponse, type NextRequest } from "next/server";
import { serverEnv } from "@/lib/config/env";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/session-cookie-names";
import { contentSecurityPolicy } from "@/lib/security/content-security-policy";

// The address to come back to after signing in rides in the redirect's Location header, percent-
// encoded (up to three times its length): a 36 KB query made a header no HTTP client accepts
// (Node's fetch failed; found by tests/e2e/page-fuzz.test.ts). A longer address comes back to its
// path alone, a longer path to the newsroom's front page.
const MAX_CALLBACK_LENGTH = 1024;

function callbackFor(pathname: string, search: string): string | null {
  if (pathname.length + search.length <= MAX_CALLBACK_LENGTH) return pathname + search;
  return pathname.length <= MAX_CALLBACK_LENGTH ? pathname : null;
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isStaffArea = pathname === "/newsroom" || pathname.startsWith("/newsroom/");
  if (isStaffArea && !SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name))) {
    const login = new URL("/login", request.url);
    const callback = callbackFor(pathname, search);
    if (callback) login.searchParams.set("callbackUrl", callback);
    return NextResponse.redirect(login);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy({
    nonce,
    dev: serverEnv().NODE_ENV === "development",
    framing: isStaffArea || pathname === "/login" ? "none" : "self",
    kakaoShare: serverEnv().KAKAO_JS_KEY !== undefined,
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

// Prefetches are not skipped: every HTML response must carry a Content-Security-Policy, and a
// prefetched page can be shown as it is.
export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|media/|favicon.ico).*)"],
};
