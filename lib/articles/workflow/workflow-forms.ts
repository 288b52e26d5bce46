import "server-only";
// What the review screen's desk forms send, read and passed to the workflow. Kept apart from the
// "use server" module (app/(newsroom)/newsroom/articles/[id]/actions.ts) so tests can run each
// handler with any input, in any role.
import type { FormHandler } from "@/lib/actions/staff-action";
import { formText } from "@/lib/actions/staff-action";
import { parseArticleIdParam } from "@/lib/api/route-params";
import { approveArticle, cancelSchedule, republishArticle, rescheduleArticle, returnArticle, submitArticle, unpublishArticle, withdrawArticle } from "@/lib/articles/workflow/transitions";
import { endBreakingBanner } from "@/lib/breaking/end-breaking";
import { formatKstDateTime, kstLocalInputToIso } from "@/lib/format/korean-time";

export const articleIdFromForm = (formData: FormData) => parseArticleIdParam(formText(formData, "articleId") ?? "");

/** <input type="datetime-local"> gives Korea time without an offset. */
const publishAtFromForm = (formData: FormData) => {
  const value = formText(formData, "publishAt")?.trim();
  return value ? kstLocalInputToIso(value) : null;
};

export const submitArticleForm: FormHandler = async (staff, formData) => {
  await submitArticle(staff, articleIdFromForm(formData));
  return { status: "ok", message: "데스크에 넘겼습니다." };
};

export const withdrawArticleForm: FormHandler = async (staff, formData) => {
  await withdrawArticle(staff, articleIdFromForm(formData), { note: formText(formData, "note") ?? "" });
  return { status: "ok", message: "회수했습니다. 기사는 작성 중으로 돌아왔고 데스크 대기열에서 빠졌습니다." };
};

export const returnArticleForm: FormHandler = async (staff, formData) => {
  await returnArticle(staff, articleIdFromForm(formData), { note: formText(formData, "note") ?? "" });
  return { status: "ok", message: "기자에게 돌려보냈습니다." };
};

export const approveArticleForm: FormHandler = async (staff, formData) => {
  const publishAt = publishAtFromForm(formData);
  const correctionType = formText(formData, "correctionType");
  // A checkbox sends "on" when ticked and nothing otherwise; the minutes field is read only then.
  const breaking = formText(formData, "breaking") === "on";
  const minutes = formText(formData, "breakingMinutes")?.trim();
  // Ticked push topics (lib/push): one entry per box; the schema checks each.
  const pushTopics = formData.getAll("pushTopics").filter((value): value is string => typeof value === "string");
  await approveArticle(staff, articleIdFromForm(formData), {
    version: Number(formText(formData, "version")),
    publishAt,
    correctionType: correctionType ? correctionType : null,
    correctionNote: formText(formData, "correctionNote") ?? "",
    breaking,
    ...(breaking && minutes ? { breakingMinutes: Number(minutes) } : {}),
    updateNote: formText(formData, "updateNote") ?? "",
    pushTopics,
  });
  const pushNote = pushTopics.length > 0 ? " 고른 주제의 독자에게 알림을 보냅니다." : "";
  if (publishAt) return { status: "ok", message: `승인했습니다. ${formatKstDateTime(new Date(publishAt))}(한국 시각)에 발행됩니다.${pushNote.replace("보냅니다", "그때 보냅니다")}` };
  return { status: "ok", message: `${breaking ? "승인했습니다. 모든 면에 속보 배너가 떴습니다." : "승인했습니다."}${pushNote}` };
};

export const endBreakingForm: FormHandler = async (staff, formData) => {
  await endBreakingBanner(staff, articleIdFromForm(formData));
  return { status: "ok", message: "속보 배너를 내렸습니다." };
};

export const rescheduleArticleForm: FormHandler = async (staff, formData) => {
  const publishAt = publishAtFromForm(formData);
  await rescheduleArticle(staff, articleIdFromForm(formData), { publishAt });
  return { status: "ok", message: "예약 시각을 바꿨습니다." };
};

export const cancelScheduleForm: FormHandler = async (staff, formData) => {
  await cancelSchedule(staff, articleIdFromForm(formData), { note: formText(formData, "note") ?? "" });
  return { status: "ok", message: "예약을 취소했습니다. 기사는 데스크 검토 대기로 돌아갔습니다." };
};

export const unpublishArticleForm: FormHandler = async (staff, formData) => {
  await unpublishArticle(staff, articleIdFromForm(formData), { reason: formText(formData, "reason") ?? "" });
  return { status: "ok", message: "게재를 중단했습니다." };
};

export const republishArticleForm: FormHandler = async (staff, formData) => {
  await republishArticle(staff, articleIdFromForm(formData), { reason: formText(formData, "reason") ?? "" });
  return { status: "ok", message: "다시 게재했습니다." };
};
