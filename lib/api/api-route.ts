import "server-only";
// The wrapper every /api/v1 route handler goes through: same-origin check for anything that
// changes state, the signed-in staff member (checked against the database), and one mapping
// from domain errors to JSON responses with the right status. Permission checks stay inside the
// domain functions the handlers call.
import { HTTP_STATUS } from "@/lib/api/error-status";
import { parsedBodyOf } from "@/lib/api/preparsed-body";
import type { ApiRouteSpec, DescribedHandler, PublicRouteSpec, StaffRouteSpec } from "@/lib/api/route-spec";
import { isSameOriginRequest } from "@/lib/api/same-origin";
import { requireStaff } from "@/lib/auth/session";
import type { StaffUser } from "@/lib/auth/staff-user";
import { domainErrorFromDatabase } from "@/lib/db/prisma-errors";
import { DomainError } from "@/lib/errors";
import { logger } from "@/lib/observability/logger";
import { MalformedBody } from "@/lib/validation";

type RouteContext<P> = { params: Promise<P> };

export function errorResponse(caught: unknown): Response {
  const error = domainErrorFromDatabase(caught) ?? caught;
  if (error instanceof DomainError) {
    // A throttled caller is told when to come back (429 + Retry-After).
    const retryAfter = error.details?.retryAfterSeconds;
    const headers = typeof retryAfter === "number" ? { "retry-after": String(retryAfter) } : undefined;
    return Response.json({ error: { code: error.code, message: error.message, ...(error.details ?? {}) } }, { status: HTTP_STATUS[error.code], headers });
  }
  logger().error({ err: error }, "api: unexpected error");
  return Response.json({ error: { code: "INTERNAL", message: "서버 오류가 발생했습니다. 잠시 뒤 다시 시도하세요." } }, { status: 500 });
}

/** The JSON body, or a MalformedBody that the domain function refuses once it has checked permission. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const parsed = parsedBodyOf(request);
  if (parsed) return parsed.value;
  try {
    return await request.json();
  } catch {
    return new MalformedBody();
  }
}

/** What every API route shares: Origin check for state changes, JSON answers, errors mapped once. */
function apiRoute<P>(spec: ApiRouteSpec, run: (request: Request, params: P) => Promise<unknown>): DescribedHandler<P> {
  const handler = async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      const changesState = !["GET", "HEAD", "OPTIONS"].includes(request.method);
      if (changesState && !isSameOriginRequest(request)) {
        throw new DomainError("FORBIDDEN", "다른 사이트에서 보낸 요청은 받을 수 없습니다.");
      }
      const result = await run(request, await context.params);
      return result instanceof Response ? result : Response.json(result ?? { ok: true }, { headers: { "cache-control": "no-store" } });
    } catch (error) {
      return errorResponse(error);
    }
  };
  return Object.assign(handler, { spec });
}

/** A route for signed-in staff, described by `spec` (lib/api/route-spec.ts). */
export function staffApiRoute<P = Record<string, never>>(spec: StaffRouteSpec, handler: (input: { request: Request; staff: StaffUser; params: P }) => Promise<unknown>) {
  const options = { allowPendingPasswordChange: spec.allowPendingPasswordChange };
  return apiRoute<P>({ ...spec, access: "staff" }, async (request, params) => handler({ request, staff: await requireStaff(options), params }));
}

/** A route readers call without signing in (comments): the same checks and error answers, no session. */
export function publicApiRoute<P = Record<string, never>>(spec: PublicRouteSpec, handler: (input: { request: Request; params: P }) => Promise<unknown>) {
  return apiRoute<P>({ ...spec, access: "public" }, (request, params) => handler({ request, params }));
}
