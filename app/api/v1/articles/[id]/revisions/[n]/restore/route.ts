import { readJsonBody, staffApiRoute } from "@/lib/api/api-route";
import { responses } from "@/lib/api/response-schemas";
import { parseArticleIdParam, parseRevisionNumberParam } from "@/lib/api/route-params";
import { restoreRevisionSchema } from "@/lib/articles/article-input-schema";
import { restoreRevision } from "@/lib/articles/revisions/revision-history";

type Params = { id: string; n: string };

export const POST = staffApiRoute<Params>(
  { summary: "Restore a revision into the working copy (version-checked)", body: restoreRevisionSchema, response: responses.article, tag: "revisions" },
  async ({ request, staff, params }) => ({
    article: await restoreRevision(staff, parseArticleIdParam(params.id), parseRevisionNumberParam(params.n), await readJsonBody(request)),
  }),
);
