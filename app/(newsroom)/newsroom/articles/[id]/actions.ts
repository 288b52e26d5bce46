"use server";

import { revalidatePath } from "next/cache";
import { formText, staffAction } from "@/lib/actions/staff-action";
import { approveArticle, returnArticle, submitArticle, unpublishArticle } from "@/lib/articles/workflow";
import { parseArticleIdParam } from "@/lib/api/route-params";

const articleIdFrom = (formData: FormData) => parseArticleIdParam(formText(formData, "articleId") ?? "");

export const submitArticleAction = staffAction(async (staff, formData) => {
  const id = articleIdFrom(formData);
  await submitArticle(staff, id);
  revalidatePath(`/newsroom/articles/${id}`);
  return { status: "ok", message: "데스크에 넘겼습니다." };
});

export const returnArticleAction = staffAction(async (staff, formData) => {
  const id = articleIdFrom(formData);
  await returnArticle(staff, id, { note: formText(formData, "note") ?? "" });
  revalidatePath(`/newsroom/articles/${id}`);
  return { status: "ok", message: "기자에게 돌려보냈습니다." };
});

export const approveArticleAction = staffAction(async (staff, formData) => {
  const id = articleIdFrom(formData);
  const publishAt = formText(formData, "publishAt");
  await approveArticle(staff, id, {
    version: Number(formText(formData, "version")),
    // <input type="datetime-local"> gives Korea time without an offset.
    publishAt: publishAt ? `${publishAt}:00+09:00` : null,
  });
  revalidatePath(`/newsroom/articles/${id}`);
  revalidatePath("/");
  return { status: "ok", message: publishAt ? "승인했습니다. 예약한 시각에 발행됩니다." : "승인하고 발행했습니다." };
});

export const unpublishArticleAction = staffAction(async (staff, formData) => {
  const id = articleIdFrom(formData);
  await unpublishArticle(staff, id, { reason: formText(formData, "reason") ?? "" });
  revalidatePath(`/newsroom/articles/${id}`);
  revalidatePath("/");
  return { status: "ok", message: "게재를 중단했습니다." };
});
