import { publicApiRoute } from "@/lib/api/api-route";
import { responses } from "@/lib/api/response-schemas";
import { parseCommentIdParam } from "@/lib/api/route-params";
import { likeComment } from "@/lib/comments/comment-reactions";
import { commentVisitorFrom } from "@/lib/comments/comment-source";

type Params = { id: string };

export const POST = publicApiRoute<Params>(
  { summary: "Like (공감) a comment (once per visitor)", response: responses.commentAction, tag: "comments", fastLane: true },
  async ({ request, params }) => likeComment(parseCommentIdParam(params.id), commentVisitorFrom(request.headers)),
);
