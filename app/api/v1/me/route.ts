import { readJsonBody, staffApiRoute } from "@/lib/api/api-route";
import { getOwnProfile, updateOwnProfile } from "@/lib/staff/own-account";

export const GET = staffApiRoute(async ({ staff }) => ({ user: await getOwnProfile(staff) }));

export const PATCH = staffApiRoute(async ({ request, staff }) => ({
  user: await updateOwnProfile(staff, await readJsonBody(request)),
}));
