// The writer deletes their comment with its password, or a signed-in member of the desk deletes
// it (permission checked in the domain function). Not on the fast lane: it reads the session.
import { publicApiRoute, readJsonBody } from "@/lib/api/api-route";
import { responses } from "@/lib/api/response-schemas";
import { parseCommentIdParam } from "@/lib/api/route-params";
import { can } from "@/lib/auth/permissions";
import { getCurrentStaff } from "@/lib/auth/session";
import { deleteCommentSchema } from "@/lib/comments/comment-schemas";
import { commentVisitorFrom } from "@/lib/comments/comment-source";
import { deleteOwnComment } from "@/lib/comments/delete-comment";
import { deleteCommentAsStaff } from "@/lib/comments/moderation";

type Params = { id: string };

export const DELETE = publicApiRoute<Params>(
  { summary: "Delete a comment: its guest password, or staff who may moderate", body: deleteCommentSchema, response: responses.commentAction, tag: "comments" },
  async ({ request, params }) => {
    const id = parseCommentIdParam(params.id);
    const staff = await getCurrentStaff();
    if (staff && !staff.mustChangePassword && can(staff, "comment.moderate")) await deleteCommentAsStaff(staff, id);
    else await deleteOwnComment(id, await readJsonBody(request), commentVisitorFrom(request.headers));
    return { ok: true, message: "댓글을 삭제했습니다." };
  },
);
