import { staffApiRoute } from "@/lib/api/api-route";
import { parseArticleIdParam } from "@/lib/api/route-params";
import { listRevisions } from "@/lib/articles/revision-history";

type Params = { id: string };

export const GET = staffApiRoute<Params>(async ({ staff, params }) => ({ revisions: await listRevisions(staff, parseArticleIdParam(params.id)) }));
