// The claimant answers the desk's question (or adds to the claim) from the private status page.
import { publicApiRoute, readJsonBody } from "@/lib/api/api-route";
import { responses } from "@/lib/api/response-schemas";
import { supplementClaim } from "@/lib/claims/claim-public";
import { supplementClaimSchema } from "@/lib/claims/claim-schemas";

export const POST = publicApiRoute(
  { summary: "Add to a claim from its status page ({ token, text })", body: supplementClaimSchema, response: responses.ok, tag: "claims" },
  async ({ request }) => {
    await supplementClaim(await readJsonBody(request));
    return { ok: true };
  },
);
