// A desk workflow step over HTTP (submit, return, approve, schedule, unpublish, republish): the
// transition, then the story as it now is. The body, when the step takes one, is handed to the
// domain function unread-as-valid, so permission is checked before input (a reporter's approve
// is 403 whatever it sends).
import { readJsonBody, staffApiRoute } from "@/lib/api/api-route";
import { responses } from "@/lib/api/response-schemas";
import { parseArticleIdParam } from "@/lib/api/route-params";
import type { StaffRouteSpec } from "@/lib/api/route-spec";
import { getArticleOut } from "@/lib/articles/newsroom-articles";
import type { StaffUser } from "@/lib/auth/staff-user";

export function articleTransitionRoute(spec: Omit<StaffRouteSpec, "response" | "tag">, transition: (staff: StaffUser, id: number, body: unknown) => Promise<unknown>) {
  return staffApiRoute<{ id: string }>({ response: responses.article, tag: "desk", ...spec }, async ({ request, staff, params }) => {
    const id = parseArticleIdParam(params.id);
    await transition(staff, id, spec.body ? await readJsonBody(request) : {});
    return { article: await getArticleOut(staff, id) };
  });
}
