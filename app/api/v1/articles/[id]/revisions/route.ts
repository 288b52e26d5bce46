import { staffApiRoute } from "@/lib/api/api-route";
import { responses } from "@/lib/api/response-schemas";
import { parseArticleIdParam } from "@/lib/api/route-params";
import { listRevisions } from "@/lib/articles/revisions/revision-history";

type Params = { id: string };

export const GET = staffApiRoute<Params>({ summary: "A story's revisions, newest first", response: responses.revisions, tag: "revisions" }, async ({ staff, params }) => ({
  revisions: await listRevisions(staff, parseArticleIdParam(params.id)),
}));
