// DELETE /api/v1/comments/:id: the writer deletes their comment with its password, or a signed-in
// member of the desk deletes it (permission checked in the domain function).
import { publicApiRoute, readJsonBody } from "@/lib/api/api-route";
import { parseCommentIdParam } from "@/lib/api/route-params";
import { can } from "@/lib/auth/permissions";
import { getCurrentStaff } from "@/lib/auth/session";
import { commentVisitorFrom } from "@/lib/comments/comment-source";
import { deleteOwnComment } from "@/lib/comments/delete-comment";
import { deleteCommentAsStaff } from "@/lib/comments/moderation";

type Params = { id: string };

export const DELETE = publicApiRoute<Params>(async ({ request, params }) => {
  const id = parseCommentIdParam(params.id);
  const staff = await getCurrentStaff();
  if (staff && !staff.mustChangePassword && can(staff, "comment.moderate")) await deleteCommentAsStaff(staff, id);
  else await deleteOwnComment(id, await readJsonBody(request), commentVisitorFrom(request.headers));
  return { ok: true, message: "댓글을 삭제했습니다." };
});
