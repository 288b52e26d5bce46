import { readJsonBody, staffApiRoute } from "@/lib/api/api-route";
import { responses } from "@/lib/api/response-schemas";
import { getOwnProfile, updateOwnProfile } from "@/lib/staff/own-account";
import { updateOwnProfileSchema } from "@/lib/staff/staff-schemas";

// Reading one's own account stays possible on a temporary password; nothing else does.
export const GET = staffApiRoute(
  { summary: "The signed-in staff member", response: responses.profile, tag: "staff", allowPendingPasswordChange: true },
  async ({ staff }) => ({ user: await getOwnProfile(staff) }),
);

export const PATCH = staffApiRoute({ summary: "Update one's own profile", body: updateOwnProfileSchema, response: responses.profile, tag: "staff" }, async ({ request, staff }) => ({
  user: await updateOwnProfile(staff, await readJsonBody(request)),
}));
