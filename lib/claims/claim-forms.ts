import "server-only";
// What the desk's claim forms send, read and passed to the rights desk's domain functions. Kept
// apart from the "use server" module so tests can run each handler with any input, in any role.
import type { FormHandler } from "@/lib/actions/staff-action";
import { formText } from "@/lib/actions/staff-action";
import { decideClaim, flagClaimStory } from "@/lib/claims/claim-decisions";
import { DESK_ACTION_KO, DESK_ACTIONS, type DeskAction } from "@/lib/claims/claim-rules";
import { updateClaimSettings } from "@/lib/claims/claim-settings";
import { invalid } from "@/lib/errors";

const claimIdOf = (formData: FormData) => Number(formText(formData, "claimId"));
const isDeskAction = (value: string | undefined): value is DeskAction => (DESK_ACTIONS as readonly string[]).includes(value ?? "");

/** One form per decision on the claim's page; `action` names which. */
export const claimDecisionForm: FormHandler = async (staff, formData) => {
  const action = formText(formData, "action");
  if (!isDeskAction(action)) throw invalid("처리 방법을 고르세요.");
  await decideClaim(staff, claimIdOf(formData), action, {
    message: formText(formData, "message") || undefined,
    grounds: formData.getAll("grounds").filter((value) => typeof value === "string"),
    caseNumber: formText(formData, "caseNumber"),
    outcome: formText(formData, "outcome"),
    note: formText(formData, "note"),
  });
  return { status: "ok", message: `「${DESK_ACTION_KO[action]}」로 처리했습니다.` };
};

export const flagClaimStoryForm: FormHandler = async (staff, formData) => {
  const label = formData.get("label") === "on";
  const wanted = formData.get("commentsClosed") === "on";
  const { commentsClosed } = await flagClaimStory(staff, claimIdOf(formData), { label, commentsClosed: wanted });
  const comments = wanted && !commentsClosed ? "댓글은 이미 닫혀 있어 그대로 둡니다" : commentsClosed ? "댓글을 닫았습니다" : "댓글은 열려 있습니다";
  return { status: "ok", message: `${label ? "기사에 청구 접수 표시를 했습니다" : "기사 표시를 뗐습니다"}. ${comments}.` };
};

const SETTING_FIELDS = ["replyDays", "publishDays", "takedownReplyDays", "retentionDays", "maxPerHourPerSource", "maxPerDayPerSource"] as const;

export const updateClaimSettingsForm: FormHandler = async (staff, formData) => {
  await updateClaimSettings(staff, Object.fromEntries(SETTING_FIELDS.map((key) => [key, formText(formData, key)])));
  return { status: "ok", message: "권리구제 설정을 저장했습니다. 새로 접수되는 청구부터 기한에 적용됩니다." };
};
