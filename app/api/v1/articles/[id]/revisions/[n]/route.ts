import { staffApiRoute } from "@/lib/api/api-route";
import { responses } from "@/lib/api/response-schemas";
import { parseArticleIdParam, parseRevisionNumberParam } from "@/lib/api/route-params";
import { getRevision } from "@/lib/articles/revisions/revision-history";

type Params = { id: string; n: string };

export const GET = staffApiRoute<Params>({ summary: "One revision's content", response: responses.revision, tag: "revisions" }, async ({ staff, params }) => ({
  revision: await getRevision(staff, parseArticleIdParam(params.id), parseRevisionNumberParam(params.n)),
}));
