"use server";

import { staffAction } from "@/lib/actions/staff-action";
import { createElectionForm, deleteElectionForm } from "@/lib/elections/election-forms";

const list = () => ["/newsroom/elections"];

export const createElectionAction = staffAction(createElectionForm, { revalidate: list });
export const deleteElectionAction = staffAction(deleteElectionForm, { revalidate: list });
