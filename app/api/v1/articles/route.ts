import { readJsonBody, staffApiRoute } from "@/lib/api/api-route";
import { queryObject } from "@/lib/api/route-params";
import { createArticleDraft } from "@/lib/articles/edit-article";
import { listNewsroomArticles } from "@/lib/articles/newsroom-articles";

// GET /api/v1/articles?status=&sectionId=&authorId=&q=&cursor=&limit=
export const GET = staffApiRoute(async ({ request, staff }) => listNewsroomArticles(staff, queryObject(request)));

export const POST = staffApiRoute(async ({ request, staff }) => {
  const article = await createArticleDraft(staff, await readJsonBody(request));
  return Response.json({ article }, { status: 201 });
});
