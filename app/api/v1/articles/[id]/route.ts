import { readJsonBody, staffApiRoute } from "@/lib/api/api-route";
import { parseArticleIdParam } from "@/lib/api/route-params";
import { saveArticle } from "@/lib/articles/edit-article";
import { getArticleOut } from "@/lib/articles/newsroom-articles";

type Params = { id: string };

export const GET = staffApiRoute<Params>(async ({ staff, params }) => ({ article: await getArticleOut(staff, parseArticleIdParam(params.id)) }));

export const PATCH = staffApiRoute<Params>(async ({ request, staff, params }) => ({
  article: await saveArticle(staff, parseArticleIdParam(params.id), await readJsonBody(request)),
}));
