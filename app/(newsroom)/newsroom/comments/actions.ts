"use server";

import { staffAction } from "@/lib/actions/staff-action";
import {
  addBlockedWordsForm,
  liftBanForm,
  moderateCommentsForm,
  removeBlockedWordsForm,
  setCommentsClosedForm,
  testBlockedWordsForm,
  updateCommentSettingsForm,
} from "@/lib/comments/comment-forms";

const queue = () => ["/newsroom/comments"];
const settings = () => ["/newsroom/comments/settings"];

export const moderateCommentsAction = staffAction(moderateCommentsForm, { revalidate: queue });
export const setCommentsClosedAction = staffAction(setCommentsClosedForm, { revalidate: queue });
export const liftBanAction = staffAction(liftBanForm, { revalidate: queue });
export const updateCommentSettingsAction = staffAction(updateCommentSettingsForm, { revalidate: settings });
export const addBlockedWordsAction = staffAction(addBlockedWordsForm, { revalidate: settings });
export const removeBlockedWordsAction = staffAction(removeBlockedWordsForm, { revalidate: settings });
export const testBlockedWordsAction = staffAction(testBlockedWordsForm);
