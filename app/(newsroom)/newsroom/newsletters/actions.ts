"use server";

import { staffAction } from "@/lib/actions/staff-action";
import { updateDigestSettingsForm } from "@/lib/subscriptions/subscription-forms";

export const updateDigestSettingsAction = staffAction(updateDigestSettingsForm, { revalidate: () => ["/newsroom/newsletters"] });
