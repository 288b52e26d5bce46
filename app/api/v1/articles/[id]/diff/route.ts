import { staffApiRoute } from "@/lib/api/api-route";
import { responses } from "@/lib/api/response-schemas";
import { parseArticleIdParam, queryObject } from "@/lib/api/route-params";
import { diffQuerySchema } from "@/lib/articles/article-input-schema";
import { diffArticle } from "@/lib/articles/revisions/revision-history";

type Params = { id: string };

// ?from=3&to=current (to: a number, "current" or "live")
export const GET = staffApiRoute<Params>(
  {
    summary: "Word-level diff between two revisions, the working copy (current) or the live revision (live)",
    query: diffQuerySchema,
    response: responses.diff,
    tag: "revisions",
  },
  async ({ request, staff, params }) => ({ diff: await diffArticle(staff, parseArticleIdParam(params.id), queryObject(request)) }),
);
