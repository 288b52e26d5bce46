// PUT /api/v1/articles/:id/schedule {publishAt}: move a scheduled story's time (before it comes).
// DELETE /api/v1/articles/:id/schedule: cancel it; the story goes back to the desk (SUBMITTED).
import { readJsonBody, staffApiRoute } from "@/lib/api/api-route";
import { parseArticleIdParam } from "@/lib/api/route-params";
import { getArticleOut } from "@/lib/articles/newsroom-articles";
import { cancelSchedule, rescheduleArticle } from "@/lib/articles/workflow";

type Params = { id: string };

export const PUT = staffApiRoute<Params>(async ({ request, staff, params }) => {
  const id = parseArticleIdParam(params.id);
  await rescheduleArticle(staff, id, await readJsonBody(request));
  return { article: await getArticleOut(staff, id) };
});

export const DELETE = staffApiRoute<Params>(async ({ staff, params }) => {
  const id = parseArticleIdParam(params.id);
  await cancelSchedule(staff, id, {});
  return { article: await getArticleOut(staff, id) };
});
