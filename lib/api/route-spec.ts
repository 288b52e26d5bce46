// How an /api/v1 route describes itself. Every method a route file exports is built by
// staffApiRoute or publicApiRoute (lib/api/api-route.ts) from its spec and its handler, so the
// route file is the one description of the route: its path is where the file sits, and the
// OpenAPI document, the hostile-input test and the API fast lane read the specs from the tree
// (lib/api/route-table.ts). Adding a route is adding its file.
import type { z } from "zod";

/** The methods a route file may export; each must carry a spec. */
export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** For grouping in the document, in the order it lists them. */
export const API_TAGS = ["staff", "articles", "desk", "revisions", "editor", "media", "vocabulary", "meta", "comments", "reactions", "claims", "subscriptions", "push"] as const;
type ApiTag = (typeof API_TAGS)[number];

interface RouteSpec {
  summary: string;
  /** The schema the domain function validates the body with: for the document and the hostile-input test. */
  body?: z.ZodType;
  query?: z.ZodType;
  /** How the body is sent; JSON unless said otherwise. */
  bodyEncoding?: "json" | "multipart";
  /** The JSON body of a successful answer. */
  response: z.ZodType;
  /** 200 unless said otherwise. */
  successStatus?: 200 | 201;
  tag: ApiTag;
}

export interface StaffRouteSpec extends RouteSpec {
  /** Open to someone still on an admin-issued temporary password (reading one's own account). */
  allowPendingPasswordChange?: boolean;
}

export interface PublicRouteSpec extends RouteSpec {
  /**
   * Answered by our HTTP server in front of Next.js in production (server/api-fast-lane.ts), for
   * routes readers call hundreds of times a second. Only for handlers that need no Next.js
   * request context: no cookies(), no headers(), no session. Staff routes cannot have it.
   */
  fastLane?: boolean;
}

/** Who may call it at all: anyone (readers' endpoints) or signed-in staff. */
export type ApiRouteSpec = (StaffRouteSpec & { access: "staff" }) | (PublicRouteSpec & { access: "public" });

/** A route method as Next.js calls it (and the fast lane does), with the spec it was built from. */
export type DescribedHandler<P = Record<string, string>> = ((request: Request, context: { params: Promise<P> }) => Promise<Response>) & {
  readonly spec: ApiRouteSpec;
};

export function isDescribedHandler(value: unknown): value is DescribedHandler {
  return typeof value === "function" && "spec" in value && typeof value.spec === "object" && value.spec !== null;
}
