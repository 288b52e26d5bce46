"use server";

import { staffAction } from "@/lib/actions/staff-action";
import { claimDecisionForm, flagClaimStoryForm, updateClaimSettingsForm } from "@/lib/claims/claim-forms";

const claimPages = (formData: FormData) => ["/newsroom/claims", `/newsroom/claims/${String(formData.get("claimId") ?? "")}`, "/newsroom"];

export const claimDecisionAction = staffAction(claimDecisionForm, { revalidate: claimPages });
export const flagClaimStoryAction = staffAction(flagClaimStoryForm, { revalidate: claimPages });
export const updateClaimSettingsAction = staffAction(updateClaimSettingsForm, { revalidate: () => ["/newsroom/claims/settings"] });
