import { serverEnv } from "@/lib/config/env";

// CSRF defence for state-changing route handlers (server actions get the same check from
// Next.js): the request must come from a page of this site. Browsers always send Origin on
// cross-site POST/PATCH/DELETE and Sec-Fetch-Site on all requests.
export function isSameOriginRequest(request: Request): boolean {
  // X-Forwarded-Host is whatever the client sent unless a trusted proxy set it.
  const forwardedHost = serverEnv().TRUST_PROXY === "1" ? request.headers.get("x-forwarded-host") : null;
  const host = forwardedHost ?? request.headers.get("host");
  const origin = request.headers.get("origin");
  if (origin) {
    try {
      return new URL(origin).host === host;
    } catch {
      return false;
    }
  }
  return request.headers.get("sec-fetch-site") === "same-origin";
}
