// POST /api/v1/comments/:id/report: a reader reports a comment (once per visitor, with a reason).
import { publicApiRoute, readJsonBody } from "@/lib/api/api-route";
import { parseCommentIdParam } from "@/lib/api/route-params";
import { reportComment } from "@/lib/comments/comment-reactions";
import { commentVisitorFrom } from "@/lib/comments/comment-source";

type Params = { id: string };

export const POST = publicApiRoute<Params>(async ({ request, params }) => {
  await reportComment(parseCommentIdParam(params.id), await readJsonBody(request), commentVisitorFrom(request.headers));
  return { ok: true, message: "신고를 접수했습니다. 운영 원칙에 따라 처리합니다." };
});
