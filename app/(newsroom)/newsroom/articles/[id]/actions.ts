"use server";

import { staffAction } from "@/lib/actions/staff-action";
import {
  approveArticleForm,
  articleIdFromForm,
  cancelScheduleForm,
  endBreakingForm,
  republishArticleForm,
  rescheduleArticleForm,
  returnArticleForm,
  submitArticleForm,
  unpublishArticleForm,
  withdrawArticleForm,
} from "@/lib/articles/workflow/workflow-forms";

// The review screen and the dashboard show the new state after each desk action. (Public pages
// are invalidated by the domain events the workflow writes, not from here.)
const storyPage = (formData: FormData) => [`/newsroom/articles/${articleIdFromForm(formData)}`, "/newsroom"];

export const submitArticleAction = staffAction(submitArticleForm, { revalidate: storyPage });
export const withdrawArticleAction = staffAction(withdrawArticleForm, { revalidate: storyPage });
export const returnArticleAction = staffAction(returnArticleForm, { revalidate: storyPage });
export const approveArticleAction = staffAction(approveArticleForm, { revalidate: storyPage });
export const rescheduleArticleAction = staffAction(rescheduleArticleForm, { revalidate: storyPage });
export const cancelScheduleAction = staffAction(cancelScheduleForm, { revalidate: storyPage });
export const unpublishArticleAction = staffAction(unpublishArticleForm, { revalidate: storyPage });
export const republishArticleAction = staffAction(republishArticleForm, { revalidate: storyPage });
export const endBreakingAction = staffAction(endBreakingForm, { revalidate: storyPage });
