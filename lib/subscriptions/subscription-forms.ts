import "server-only";
// The newsroom's newsletter form, read and passed to the domain function. Kept apart from the
// "use server" module so tests can run it with any input, in any role.
import type { FormHandler } from "@/lib/actions/staff-action";
import { formText } from "@/lib/actions/staff-action";
import { updateDigestSettings } from "@/lib/subscriptions/digest-settings";

export const updateDigestSettingsForm: FormHandler = async (staff, formData) => {
  const settings = await updateDigestSettings(staff, { enabled: formData.get("enabled") === "on", time: formText(formData, "time") });
  return { status: "ok", message: settings.enabled ? `아침 뉴스레터를 매일 ${settings.time}(한국 시간)에 보냅니다.` : "아침 뉴스레터 발송을 멈췄습니다." };
};
