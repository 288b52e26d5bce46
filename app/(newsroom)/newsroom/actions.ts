"use server";

import { staffAction } from "@/lib/actions/staff-action";
import { markNotificationsReadForm } from "@/lib/notifications/notification-forms";

export const markNotificationsReadAction = staffAction(markNotificationsReadForm, { revalidate: () => ["/newsroom"] });
