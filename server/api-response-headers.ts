// The headers every /api response gets from next.config.js (security headers plus no-store),
// for responses this process sends without Next.js (server/api-fast-lane.ts).
// tests/unit/api-fast-lane.test.ts checks that the two lists stay the same.
export const API_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
  "x-frame-options": "DENY",
  "cache-control": "no-store",
};
