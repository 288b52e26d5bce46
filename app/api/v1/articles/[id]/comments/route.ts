// GET /api/v1/articles/:id/comments: a story's visible comments (public, cursor-paged, with count).
// POST: a guest posts one (201 posted, 202 held for review "검토 후 게시").
import { publicApiRoute, readJsonBody } from "@/lib/api/api-route";
import { parseArticleIdParam, queryObject } from "@/lib/api/route-params";
import { commentVisitorFrom } from "@/lib/comments/comment-source";
import { listPublicComments } from "@/lib/comments/list-comments";
import { postComment } from "@/lib/comments/post-comment";

type Params = { id: string };

export const GET = publicApiRoute<Params>(async ({ request, params }) => listPublicComments(parseArticleIdParam(params.id), queryObject(request)));

export const POST = publicApiRoute<Params>(async ({ request, params }) => {
  const posted = await postComment(parseArticleIdParam(params.id), await readJsonBody(request), commentVisitorFrom(request.headers));
  const held = posted.status === "HELD";
  const message = held ? "검토 후 게시됩니다. 운영 원칙에 맞는지 확인한 뒤 보입니다." : "댓글을 등록했습니다.";
  const { comment, ...outcome } = posted;
  return Response.json({ comment: { ...comment, status: outcome.status, heldReason: outcome.heldReason }, message }, { status: held ? 202 : 201, headers: { "cache-control": "no-store" } });
});
