import type { DomainErrorCode } from "@/lib/errors";

/** The one place a domain error code becomes an HTTP status. */
export const HTTP_STATUS: Record<DomainErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  LOCKED: 429,
  UNAVAILABLE: 503,
};
