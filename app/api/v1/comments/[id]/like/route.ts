// POST /api/v1/comments/:id/like: 공감, once per visitor.
import { publicApiRoute } from "@/lib/api/api-route";
import { parseCommentIdParam } from "@/lib/api/route-params";
import { likeComment } from "@/lib/comments/comment-reactions";
import { commentVisitorFrom } from "@/lib/comments/comment-source";

type Params = { id: string };

export const POST = publicApiRoute<Params>(async ({ request, params }) => likeComment(parseCommentIdParam(params.id), commentVisitorFrom(request.headers)));
