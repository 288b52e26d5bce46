import { readJsonBody, staffApiRoute } from "@/lib/api/api-route";
import { getOwnProfile, updateOwnProfile } from "@/lib/staff/own-account";

// Reading one's own account stays possible on a temporary password; nothing else does.
export const GET = staffApiRoute(async ({ staff }) => ({ user: await getOwnProfile(staff) }), { allowPendingPasswordChange: true });

export const PATCH = staffApiRoute(async ({ request, staff }) => ({
  user: await updateOwnProfile(staff, await readJsonBody(request)),
}));
