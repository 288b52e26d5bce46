import "server-only";
// The dashboard's "모두 읽음" form, read and passed on (kept outside the "use server" module for tests).
import type { FormHandler } from "@/lib/actions/staff-action";
import { markOwnNotificationsRead } from "@/lib/notifications/staff-notifications";

export const markNotificationsReadForm: FormHandler = async (staff) => {
  const count = await markOwnNotificationsRead(staff);
  return { status: "ok", message: count > 0 ? `알림 ${count}건을 읽음으로 표시했습니다.` : "새 알림이 없습니다." };
};
