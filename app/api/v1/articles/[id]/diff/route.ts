import { staffApiRoute } from "@/lib/api/api-route";
import { parseArticleIdParam, queryObject } from "@/lib/api/route-params";
import { diffArticle } from "@/lib/articles/revision-history";

type Params = { id: string };

// GET /api/v1/articles/:id/diff?from=3&to=current (to: a number, "current" or "live")
export const GET = staffApiRoute<Params>(async ({ request, staff, params }) => ({ diff: await diffArticle(staff, parseArticleIdParam(params.id), queryObject(request)) }));
