// Typed failures of domain functions. Each has a code (turned into an HTTP status in one place,
// lib/api/error-status.ts) and a Korean message that can be shown to staff as it is. UNAVAILABLE is
// for the newsroom's own stores (database, media storage) being out of reach: a 503, retry later.
export type DomainErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "VALIDATION" | "CONFLICT" | "LOCKED" | "UNAVAILABLE";

export class DomainError extends Error {
  override name = "DomainError";
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const forbidden = (message = "이 작업을 할 권한이 없습니다.") => new DomainError("FORBIDDEN", message);
export const notFound = (message = "찾을 수 없습니다.") => new DomainError("NOT_FOUND", message);
export const conflict = (message: string, details?: Record<string, unknown>) => new DomainError("CONFLICT", message, details);
export const invalid = (message: string, details?: Record<string, unknown>) => new DomainError("VALIDATION", message, details);
