// Every newsroom form handler (what a server action runs once the staff member is known), for
// the hostile-input test. tests/unit/form-handler-registry.test.ts fails when an action in
// app/**/actions.ts is built from a handler that is not listed here.
import type { FormHandler } from "@/lib/actions/staff-action";
import { approveArticleForm, cancelScheduleForm, endBreakingForm, republishArticleForm, rescheduleArticleForm, returnArticleForm, submitArticleForm, unpublishArticleForm, withdrawArticleForm } from "@/lib/articles/workflow-forms";
import { markNotificationsReadForm } from "@/lib/notifications/notification-forms";
import {
  addBlockedWordsForm,
  liftBanForm,
  moderateCommentsForm,
  removeBlockedWordsForm,
  setCommentsClosedForm,
  testBlockedWordsForm,
  updateCommentSettingsForm,
} from "@/lib/comments/comment-forms";
import { updateDigestSettingsForm } from "@/lib/subscriptions/subscription-forms";
import { updateEligibilitySettingsForm } from "@/lib/eligibility/eligibility-forms";
import { changeOwnPasswordForm, updateOwnProfileForm } from "@/lib/staff/account-forms";
import { applyTakedownForm, deleteTakedownTargetForm, restoreTakedownForm } from "@/lib/takedowns/takedown-forms";
import { createElectionForm, deleteElectionForm } from "@/lib/elections/election-forms";
import { createStaffForm, resetStaffPasswordForm, setStaffActiveForm, updateStaffForm } from "@/lib/staff/staff-forms";

export const FORM_HANDLERS = {
  submitArticleForm,
  returnArticleForm,
  withdrawArticleForm,
  approveArticleForm,
  unpublishArticleForm,
  rescheduleArticleForm,
  cancelScheduleForm,
  republishArticleForm,
  endBreakingForm,
  markNotificationsReadForm,
  updateOwnProfileForm,
  changeOwnPasswordForm,
  createStaffForm,
  updateStaffForm,
  setStaffActiveForm,
  resetStaffPasswordForm,
  moderateCommentsForm,
  setCommentsClosedForm,
  liftBanForm,
  updateCommentSettingsForm,
  addBlockedWordsForm,
  removeBlockedWordsForm,
  testBlockedWordsForm,
  updateDigestSettingsForm,
  applyTakedownForm,
  restoreTakedownForm,
  deleteTakedownTargetForm,
  createElectionForm,
  deleteElectionForm,
  updateEligibilitySettingsForm,
} satisfies Record<string, FormHandler>;

export type FormHandlerName = keyof typeof FORM_HANDLERS;

/** Every field name a newsroom form sends; the test fills them (and strangers) with hostile values. */
export const FORM_FIELD_NAMES = [
  "articleId",
  "version",
  "note",
  "publishAt",
  "correctionType",
  "correctionNote",
  "breaking",
  "breakingMinutes",
  "updateNote",
  "reason",
  "name",
  "email",
  "role",
  "title",
  "bylineEmail",
  "bio",
  "userId",
  "active",
  "currentPassword",
  "newPassword",
  "confirmPassword",
  "ids",
  "single",
  "action",
  "days",
  "hideComments",
  "closed",
  "banId",
  "minIntervalSeconds",
  "maxPerHourPerStory",
  "duplicateWindowMinutes",
  "maxLinks",
  "reportHideThreshold",
  "blockedWordAction",
  "words",
  "wordIds",
  "text",
  "enabled",
  "time",
  "commentId",
  "claimReference",
  "takedownId",
  "electionDay",
  "votingEndsAt",
  "electionId",
  "ownReportingThresholdPercent",
] as const;
