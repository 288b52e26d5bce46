import "server-only";
// What the story page's desk forms send, read and passed to the workflow. Kept apart from the
// "use server" module (app/(newsroom)/newsroom/articles/[id]/actions.ts) so tests can run each
// handler with any input, as any role.
import type { FormHandler } from "@/lib/actions/staff-action";
import { formText } from "@/lib/actions/staff-action";
import { parseArticleIdParam } from "@/lib/api/route-params";
import { approveArticle, returnArticle, submitArticle, unpublishArticle } from "@/lib/articles/workflow";

export const articleIdFromForm = (formData: FormData) => parseArticleIdParam(formText(formData, "articleId") ?? "");

export const submitArticleForm: FormHandler = async (staff, formData) => {
  await submitArticle(staff, articleIdFromForm(formData));
  return { status: "ok", message: "데스크에 넘겼습니다." };
};

export const returnArticleForm: FormHandler = async (staff, formData) => {
  await returnArticle(staff, articleIdFromForm(formData), { note: formText(formData, "note") ?? "" });
  return { status: "ok", message: "기자에게 돌려보냈습니다." };
};

export const approveArticleForm: FormHandler = async (staff, formData) => {
  const publishAt = formText(formData, "publishAt");
  await approveArticle(staff, articleIdFromForm(formData), {
    version: Number(formText(formData, "version")),
    // <input type="datetime-local"> gives Korea time without an offset.
    publishAt: publishAt ? `${publishAt}:00+09:00` : null,
  });
  return { status: "ok", message: publishAt ? "승인했습니다. 예약한 시각에 발행됩니다." : "승인하고 발행했습니다." };
};

export const unpublishArticleForm: FormHandler = async (staff, formData) => {
  await unpublishArticle(staff, articleIdFromForm(formData), { reason: formText(formData, "reason") ?? "" });
  return { status: "ok", message: "게재를 중단했습니다." };
};
