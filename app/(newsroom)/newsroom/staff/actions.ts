"use server";

import { staffAction } from "@/lib/actions/staff-action";
import { createStaffForm, resetStaffPasswordForm, setStaffActiveForm, updateStaffForm, userIdFromForm } from "@/lib/staff/staff-forms";

const memberPage = (formData: FormData) => [`/newsroom/staff/${userIdFromForm(formData)}`];

export const createStaffAction = staffAction(createStaffForm, { revalidate: () => ["/newsroom/staff"] });
export const updateStaffAction = staffAction(updateStaffForm, { revalidate: memberPage });
export const setStaffActiveAction = staffAction(setStaffActiveForm, { revalidate: memberPage });
export const resetStaffPasswordAction = staffAction(resetStaffPasswordForm);
