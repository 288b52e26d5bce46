"use server";

import { staffAction } from "@/lib/actions/staff-action";
import { articleIdFromForm } from "@/lib/articles/workflow/workflow-forms";
import {
  destinationIdFromForm,
  holdForDestinationForm,
  releaseForDestinationForm,
  resendTransmissionForm,
  saveDestinationForm,
  sendToDestinationForm,
} from "@/lib/portal/portal-forms";

// The screens that show the result. (Delivery itself runs in the job runner, not here.)
const destinationPages = (formData: FormData) => ["/newsroom/portal", ...(destinationIdFromForm(formData) ? [`/newsroom/portal/${destinationIdFromForm(formData)}`] : [])];
const storyPages = (formData: FormData) => {
  const destination = destinationIdFromForm(formData);
  const story = formData.get("articleId");
  return [...(typeof story === "string" && story ? [`/newsroom/articles/${articleIdFromForm(formData)}`] : []), ...(destination ? [`/newsroom/portal/${destination}`] : [])];
};

export const saveDestinationAction = staffAction(saveDestinationForm, { revalidate: destinationPages });
export const sendToDestinationAction = staffAction(sendToDestinationForm, { revalidate: storyPages });
export const resendTransmissionAction = staffAction(resendTransmissionForm, { revalidate: storyPages });
export const holdForDestinationAction = staffAction(holdForDestinationForm, { revalidate: storyPages });
export const releaseForDestinationAction = staffAction(releaseForDestinationForm, { revalidate: storyPages });
