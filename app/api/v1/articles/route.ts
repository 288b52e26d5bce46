import { readJsonBody, staffApiRoute } from "@/lib/api/api-route";
import { responses } from "@/lib/api/response-schemas";
import { queryObject } from "@/lib/api/route-params";
import { createArticleSchema } from "@/lib/articles/article-input-schema";
import { articleListQuerySchema } from "@/lib/articles/workflow/desk-input-schema";
import { createArticleDraft } from "@/lib/articles/editor/edit-article";
import { listNewsroomArticles } from "@/lib/articles/newsroom-articles";

export const GET = staffApiRoute(
  {
    summary: "Stories the caller may read, newest first, filtered, by cursor (pass nextCursor as cursor)",
    query: articleListQuerySchema,
    response: responses.articleList,
    tag: "articles",
  },
  async ({ request, staff }) => listNewsroomArticles(staff, queryObject(request)),
);

export const POST = staffApiRoute(
  { summary: "Create a draft", body: createArticleSchema, response: responses.article, successStatus: 201, tag: "articles" },
  async ({ request, staff }) => {
    const article = await createArticleDraft(staff, await readJsonBody(request));
    return Response.json({ article }, { status: 201 });
  },
);
