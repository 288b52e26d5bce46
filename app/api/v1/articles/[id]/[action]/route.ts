// POST /api/v1/articles/:id/{submit|return|approve|unpublish|republish}: the desk workflow over
// HTTP. Each answers with the story as it now is. The body is handed to the domain function
// unread-as-valid, so permission is checked before input (a reporter's approve is 403 whatever it sends).
import { readJsonBody, staffApiRoute } from "@/lib/api/api-route";
import { parseArticleIdParam } from "@/lib/api/route-params";
import { getArticleOut } from "@/lib/articles/newsroom-articles";
import { approveArticle, republishArticle, returnArticle, submitArticle, unpublishArticle } from "@/lib/articles/workflow";
import type { StaffUser } from "@/lib/auth/staff-user";
import { notFound } from "@/lib/errors";

type Params = { id: string; action: string };

const TRANSITIONS: Record<string, (staff: StaffUser, id: number, body: unknown) => Promise<void>> = {
  submit: (staff, id) => submitArticle(staff, id),
  return: (staff, id, body) => returnArticle(staff, id, body),
  approve: (staff, id, body) => approveArticle(staff, id, body),
  unpublish: (staff, id, body) => unpublishArticle(staff, id, body),
  republish: (staff, id, body) => republishArticle(staff, id, body),
};

export const POST = staffApiRoute<Params>(async ({ request, staff, params }) => {
  const transition = Object.hasOwn(TRANSITIONS, params.action) ? TRANSITIONS[params.action] : undefined;
  if (!transition) throw notFound("알 수 없는 작업입니다.");
  const id = parseArticleIdParam(params.id);
  const body = params.action === "submit" ? {} : await readJsonBody(request);
  await transition(staff, id, body);
  return { article: await getArticleOut(staff, id) };
});
