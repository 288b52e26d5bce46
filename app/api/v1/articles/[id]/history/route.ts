import { staffApiRoute } from "@/lib/api/api-route";
import { responses } from "@/lib/api/response-schemas";
import { parseArticleIdParam } from "@/lib/api/route-params";
import { getArticleHistory } from "@/lib/articles/revisions/article-history";

type Params = { id: string };

export const GET = staffApiRoute<Params>(
  { summary: "Every transition and revision: who, when, note; newest first", response: responses.history, tag: "revisions" },
  async ({ staff, params }) => ({ history: await getArticleHistory(staff, parseArticleIdParam(params.id)) }),
);
