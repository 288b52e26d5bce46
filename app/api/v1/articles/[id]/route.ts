import { readJsonBody, staffApiRoute } from "@/lib/api/api-route";
import { parseArticleIdParam } from "@/lib/api/route-params";
import { saveArticle } from "@/lib/articles/edit-article";
import { getArticleWithTransitions } from "@/lib/articles/newsroom-articles";

type Params = { id: string };

// The story, with the transitions the caller may make now (each with its reason when refused).
export const GET = staffApiRoute<Params>(async ({ staff, params }) => getArticleWithTransitions(staff, parseArticleIdParam(params.id)));

export const PATCH = staffApiRoute<Params>(async ({ request, staff, params }) => ({
  article: await saveArticle(staff, parseArticleIdParam(params.id), await readJsonBody(request)),
}));
