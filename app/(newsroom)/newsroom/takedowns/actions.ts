"use server";

import { staffAction } from "@/lib/actions/staff-action";
import { applyTakedownForm, deleteTakedownTargetForm, restoreTakedownForm } from "@/lib/takedowns/takedown-forms";

const list = () => ["/newsroom/takedowns"];

export const applyTakedownAction = staffAction(applyTakedownForm, { revalidate: list });
export const restoreTakedownAction = staffAction(restoreTakedownForm, { revalidate: list });
export const deleteTakedownTargetAction = staffAction(deleteTakedownTargetForm, { revalidate: list });
