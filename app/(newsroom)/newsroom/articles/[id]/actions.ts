"use server";

import { staffAction } from "@/lib/actions/staff-action";
import { approveArticleForm, articleIdFromForm, returnArticleForm, submitArticleForm, unpublishArticleForm } from "@/lib/articles/workflow-forms";

// The story page shows the new state after each desk action. (Public pages are invalidated by
// the domain events the workflow writes, not from here.)
const storyPage = (formData: FormData) => [`/newsroom/articles/${articleIdFromForm(formData)}`];

export const submitArticleAction = staffAction(submitArticleForm, { revalidate: storyPage });
export const returnArticleAction = staffAction(returnArticleForm, { revalidate: storyPage });
export const approveArticleAction = staffAction(approveArticleForm, { revalidate: storyPage });
export const unpublishArticleAction = staffAction(unpublishArticleForm, { revalidate: storyPage });
