import { publicApiRoute, readJsonBody } from "@/lib/api/api-route";
import { responses } from "@/lib/api/response-schemas";
import { parseCommentIdParam } from "@/lib/api/route-params";
import { reportCommentSchema } from "@/lib/comments/comment-schemas";
import { reportComment } from "@/lib/comments/comment-reactions";
import { commentVisitorFrom } from "@/lib/comments/comment-source";

type Params = { id: string };

export const POST = publicApiRoute<Params>(
  { summary: "Report a comment (once per visitor)", body: reportCommentSchema, response: responses.commentAction, tag: "comments", fastLane: true },
  async ({ request, params }) => {
    await reportComment(parseCommentIdParam(params.id), await readJsonBody(request), commentVisitorFrom(request.headers));
    return { ok: true, message: "신고를 접수했습니다. 운영 원칙에 따라 처리합니다." };
  },
);
