"use server";

import { staffAction } from "@/lib/actions/staff-action";
import { updateEligibilitySettingsForm } from "@/lib/eligibility/eligibility-forms";

export const updateEligibilitySettingsAction = staffAction(updateEligibilitySettingsForm, { revalidate: () => ["/newsroom/eligibility"] });
