// A story's visible comments (cursor-paged, with the count), and a guest posting one (201 posted,
// 202 held for review "검토 후 게시"). Both on the fast lane: readers call them hundreds of times a second.
import { publicApiRoute, readJsonBody } from "@/lib/api/api-route";
import { responses } from "@/lib/api/response-schemas";
import { parseArticleIdParam, queryObject } from "@/lib/api/route-params";
import { listCommentsQuerySchema, postCommentSchema } from "@/lib/comments/comment-schemas";
import { commentVisitorFrom } from "@/lib/comments/comment-source";
import { listPublicComments } from "@/lib/comments/list-comments";
import { postComment } from "@/lib/comments/post-comment";

type Params = { id: string };

export const GET = publicApiRoute<Params>(
  { summary: "A public story's visible comments, cursor-paged, with the count", query: listCommentsQuerySchema, response: responses.commentList, tag: "comments", fastLane: true },
  async ({ request, params }) => listPublicComments(parseArticleIdParam(params.id), queryObject(request)),
);

export const POST = publicApiRoute<Params>(
  {
    summary: "Post a guest comment (201 posted, 202 held for review, 429 flooding)",
    body: postCommentSchema,
    response: responses.commentPosted,
    successStatus: 201,
    tag: "comments",
    fastLane: true,
  },
  async ({ request, params }) => {
    const posted = await postComment(parseArticleIdParam(params.id), await readJsonBody(request), commentVisitorFrom(request.headers));
    const held = posted.status === "HELD";
    const message = held ? "검토 후 게시됩니다. 운영 원칙에 맞는지 확인한 뒤 보입니다." : "댓글을 등록했습니다.";
    const { comment, ...outcome } = posted;
    return Response.json({ comment: { ...comment, status: outcome.status, heldReason: outcome.heldReason }, message }, { status: held ? 202 : 201, headers: { "cache-control": "no-store" } });
  },
);
