import { staffApiRoute } from "@/lib/api/api-route";
import { parseArticleIdParam } from "@/lib/api/route-params";
import { getArticleHistory } from "@/lib/articles/article-history";

type Params = { id: string };

// GET /api/v1/articles/:id/history: every transition and revision, newest first.
export const GET = staffApiRoute<Params>(async ({ staff, params }) => ({ history: await getArticleHistory(staff, parseArticleIdParam(params.id)) }));
