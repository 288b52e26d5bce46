"use server";

import { staffAction } from "@/lib/actions/staff-action";
import { changeOwnPasswordForm, updateOwnProfileForm } from "@/lib/staff/account-forms";

export const updateOwnProfileAction = staffAction(updateOwnProfileForm);
export const changeOwnPasswordAction = staffAction(changeOwnPasswordForm, { allowPendingPasswordChange: true });
