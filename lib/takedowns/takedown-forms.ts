import "server-only";
// What the desk's 임시조치 forms send, read and passed to the domain functions. Kept apart from the
// "use server" module so tests can run each handler with any input, in any role.
import type { FormHandler } from "@/lib/actions/staff-action";
import { formText } from "@/lib/actions/staff-action";
import { formatKstMinute } from "@/lib/format/korean-time";
import { applyTakedown } from "@/lib/takedowns/apply-takedown";
import { deleteTakedownTarget, restoreTakedown } from "@/lib/takedowns/end-takedown";

/** A number field, or undefined when absent or empty (the schema then says what is missing). */
const formNumber = (formData: FormData, name: string) => {
  const value = formText(formData, name)?.trim();
  return value ? Number(value) : undefined;
};

export const applyTakedownForm: FormHandler = async (staff, formData) => {
  const applied = await applyTakedown(staff, {
    articleId: formNumber(formData, "articleId"),
    commentId: formNumber(formData, "commentId"),
    reason: formText(formData, "reason"),
    days: formNumber(formData, "days"),
    claimReference: formText(formData, "claimReference") ?? null,
    note: formText(formData, "note") ?? "",
  });
  const told = applied.posterNotified
    ? "게재자에게 뉴스룸 알림을 보냈습니다."
    : applied.commentId !== null
      ? "게스트 댓글 작성자는 연락처가 없어 알리지 못했습니다. 댓글 자리의 안내문이 공시를 대신합니다."
      : "게재자가 직접 조치해 따로 알리지 않았습니다.";
  return { status: "ok", message: `임시조치했습니다. ${formatKstMinute(applied.endsAt)}까지 독자에게 안내문만 보입니다. ${told}` };
};

export const restoreTakedownForm: FormHandler = async (staff, formData) => {
  await restoreTakedown(staff, { takedownId: formNumber(formData, "takedownId"), note: formText(formData, "note") ?? "" });
  return { status: "ok", message: "복원했습니다. 독자에게 바로 다시 보입니다." };
};

export const deleteTakedownTargetForm: FormHandler = async (staff, formData) => {
  const deleted = await deleteTakedownTarget(staff, { takedownId: formNumber(formData, "takedownId"), note: formText(formData, "note") ?? "" });
  return { status: "ok", message: deleted === "story" ? "기사를 게재 중단했습니다. 주소는 '삭제된 기사'(410)로 답합니다." : "댓글을 삭제했습니다." };
};
