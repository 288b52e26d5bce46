import { readJsonBody, staffApiRoute } from "@/lib/api/api-route";
import { responses } from "@/lib/api/response-schemas";
import { parseArticleIdParam } from "@/lib/api/route-params";
import { saveArticleSchema } from "@/lib/articles/article-input-schema";
import { saveArticle } from "@/lib/articles/editor/edit-article";
import { getArticleWithTransitions } from "@/lib/articles/newsroom-articles";

type Params = { id: string };

export const GET = staffApiRoute<Params>(
  { summary: "One story's working copy, with the transitions the caller may make now", response: responses.articleWithTransitions, tag: "articles" },
  async ({ staff, params }) => getArticleWithTransitions(staff, parseArticleIdParam(params.id)),
);

export const PATCH = staffApiRoute<Params>(
  { summary: "Save a story (version-checked; only the fields sent change)", body: saveArticleSchema, response: responses.article, tag: "articles" },
  async ({ request, staff, params }) => ({ article: await saveArticle(staff, parseArticleIdParam(params.id), await readJsonBody(request)) }),
);
