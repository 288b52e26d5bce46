import { readJsonBody, staffApiRoute } from "@/lib/api/api-route";
import { createArticleDraft } from "@/lib/articles/edit-article";
import { listNewsroomArticles } from "@/lib/articles/newsroom-articles";

export const GET = staffApiRoute(async ({ staff }) => ({ articles: await listNewsroomArticles(staff) }));

export const POST = staffApiRoute(async ({ request, staff }) => {
  const article = await createArticleDraft(staff, await readJsonBody(request));
  return Response.json({ article }, { status: 201 });
});
