import "server-only";
// The publisher's page's one form: the admin's threshold (app/(newsroom)/newsroom/eligibility).
import { formText, type FormHandler } from "@/lib/actions/staff-action";
import { updateEligibilitySettings } from "@/lib/eligibility/eligibility-settings";

export const updateEligibilitySettingsForm: FormHandler = async (staff, formData) => {
  const settings = await updateEligibilitySettings(staff, { ownReportingThresholdPercent: formText(formData, "ownReportingThresholdPercent") });
  return { status: "ok", message: `기준을 자체 취재 ${settings.ownReportingThresholdPercent}% 이상으로 저장했습니다.` };
};
