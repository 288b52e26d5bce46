// Readers' reactions under a story: the counts (cached: what every reader's bar asks for), and a
// reader's own reaction, set, changed or withdrawn (one per source). On the fast lane: a storm
// of clicks on a breaking story must not pass through Next.js's request pipeline.
import { publicApiRoute, readJsonBody } from "@/lib/api/api-route";
import { responses } from "@/lib/api/response-schemas";
import { parseArticleIdParam } from "@/lib/api/route-params";
import { commentVisitorFrom } from "@/lib/comments/comment-source";
import { reactToArticle, withdrawReaction } from "@/lib/reactions/article-reactions";
import { getReactionCounts } from "@/lib/reactions/reaction-counts";
import { reactSchema } from "@/lib/reactions/reaction-schemas";

type Params = { id: string };

export const GET = publicApiRoute<Params>(
  { summary: "How many readers chose each reaction on a public story (cached a couple of seconds)", response: responses.reactionCounts, tag: "reactions", fastLane: true },
  async ({ params }) => {
    const counts = await getReactionCounts(parseArticleIdParam(params.id));
    // The response cache keeps it (server/response-cache); browsers ask again each time.
    return Response.json(counts, { headers: { "cache-control": "public, max-age=0" } });
  },
);

export const POST = publicApiRoute<Params>(
  { summary: "Set or change this reader's reaction (one per reader per story)", body: reactSchema, response: responses.reactionChange, tag: "reactions", fastLane: true },
  async ({ request, params }) => reactToArticle(parseArticleIdParam(params.id), await readJsonBody(request), commentVisitorFrom(request.headers)),
);

export const DELETE = publicApiRoute<Params>(
  { summary: "Withdraw this reader's reaction", response: responses.reactionChange, tag: "reactions", fastLane: true },
  async ({ request, params }) => withdrawReaction(parseArticleIdParam(params.id), commentVisitorFrom(request.headers)),
);
