// The reviewers' story list as a CSV download (lib/eligibility/eligibility-csv.ts): the desk and
// admins only, checked inside the domain function like every newsroom read.
import { errorResponse } from "@/lib/api/api-route";
import { requireStaff } from "@/lib/auth/session";
import { buildEligibilityCsv } from "@/lib/eligibility/eligibility-csv";

export async function GET(): Promise<Response> {
  try {
    const csv = await buildEligibilityCsv(await requireStaff());
    return new Response(csv.body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        // An ASCII name for old clients, the Korean one (RFC 6266 / 5987) for the rest.
        "content-disposition": `attachment; filename="stories.csv"; filename*=UTF-8''${encodeURIComponent(csv.filename)}`,
        "cache-control": "private, no-store",
        "x-story-count": String(csv.stories),
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
