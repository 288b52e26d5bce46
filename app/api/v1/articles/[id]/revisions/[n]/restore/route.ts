import { readJsonBody, staffApiRoute } from "@/lib/api/api-route";
import { parseArticleIdParam, parseRevisionNumberParam } from "@/lib/api/route-params";
import { restoreRevision } from "@/lib/articles/revision-history";

type Params = { id: string; n: string };

export const POST = staffApiRoute<Params>(async ({ request, staff, params }) => ({
  article: await restoreRevision(staff, parseArticleIdParam(params.id), parseRevisionNumberParam(params.n), await readJsonBody(request)),
}));
