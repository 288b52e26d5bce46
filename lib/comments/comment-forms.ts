import "server-only";
// What the desk's comment forms send, read and passed to the comment domain functions. Kept apart
// from the "use server" module so tests can run each handler with any input, in any role.
import type { FormHandler } from "@/lib/actions/staff-action";
import { formText } from "@/lib/actions/staff-action";
import { addBlockedWords, removeBlockedWords, testBlockedWords } from "@/lib/comments/blocked-word-list";
import { updateCommentSettings } from "@/lib/comments/comment-settings";
import { banCommentSources, liftBan, moderateComments, setCommentsClosed } from "@/lib/comments/moderation";

const ACTION_DONE = { hide: "숨겼습니다", restore: "게시했습니다", delete: "삭제했습니다" } as const;

const idsFrom = (formData: FormData, name: string) => formData.getAll(name).map((value) => (typeof value === "string" ? Number(value) : Number.NaN));

/** The queue's one form: bulk buttons (action + checked ids) or a row's own button ("hide:123"). */
export const moderateCommentsForm: FormHandler = async (staff, formData) => {
  const single = formText(formData, "single");
  const [action = "", id] = single ? single.split(":") : [formText(formData, "action") ?? ""];
  const ids = id !== undefined ? [Number(id)] : idsFrom(formData, "ids");
  if (action === "ban") {
    const sources = await banCommentSources(staff, {
      ids,
      days: formText(formData, "days"),
      reason: formText(formData, "reason") || undefined,
      hideComments: formData.get("hideComments") === "on",
    });
    return { status: "ok", message: `작성자 ${sources}명의 댓글 쓰기를 막았습니다.` };
  }
  if (action !== "hide" && action !== "restore" && action !== "delete") return { status: "error", message: "처리 방법을 고르세요." };
  const changed = await moderateComments(staff, { ids, action });
  return { status: "ok", message: changed ? `댓글 ${changed}개를 ${ACTION_DONE[action]}.` : "바뀐 댓글이 없습니다." };
};

export const setCommentsClosedForm: FormHandler = async (staff, formData) => {
  const closed = formText(formData, "closed") === "true";
  await setCommentsClosed(staff, { articleId: Number(formText(formData, "articleId")), closed });
  return { status: "ok", message: closed ? "이 기사의 댓글을 닫았습니다." : "이 기사의 댓글을 다시 열었습니다." };
};

export const liftBanForm: FormHandler = async (staff, formData) => {
  await liftBan(staff, { banId: Number(formText(formData, "banId")) });
  return { status: "ok", message: "차단을 풀었습니다." };
};

const SETTING_FIELDS = ["minIntervalSeconds", "maxPerHourPerStory", "duplicateWindowMinutes", "maxLinks", "reportHideThreshold", "blockedWordAction"] as const;

export const updateCommentSettingsForm: FormHandler = async (staff, formData) => {
  await updateCommentSettings(staff, Object.fromEntries(SETTING_FIELDS.map((key) => [key, formText(formData, key)])));
  return { status: "ok", message: "댓글 운영 설정을 저장했습니다. 바로 적용됩니다." };
};

export const addBlockedWordsForm: FormHandler = async (staff, formData) => {
  const added = await addBlockedWords(staff, { words: formText(formData, "words") ?? "" });
  return { status: "ok", message: added.length ? `금칙어 ${added.length}개를 더했습니다: ${added.join(", ")}` : "이미 있는 금칙어입니다." };
};

export const removeBlockedWordsForm: FormHandler = async (staff, formData) => {
  const removed = await removeBlockedWords(staff, { ids: idsFrom(formData, "wordIds") });
  return { status: "ok", message: `금칙어 ${removed}개를 뺐습니다.` };
};

export const testBlockedWordsForm: FormHandler = async (staff, formData) => {
  const hit = await testBlockedWords(staff, { text: formText(formData, "text") ?? "" });
  return { status: "ok", message: hit ? `걸립니다: "${hit.excerpt}" → 금칙어 "${hit.word}"` : "걸리는 금칙어가 없습니다." };
};
