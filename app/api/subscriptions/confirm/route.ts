// The confirmation page's form posts here (app/(site)/subscriptions/confirm). Confirming takes a
// press on that page, never the mere opening of the link: mail scanners open links by themselves.
import { confirmSubscription } from "@/lib/subscriptions/subscriptions";
import { DomainError } from "@/lib/errors";

export async function POST(request: Request) {
  const token = new URL(request.url).searchParams.get("token");
  let result: string;
  try {
    result = await confirmSubscription(token);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    result = "invalid";
  }
  return new Response(null, { status: 303, headers: { location: `/subscriptions/confirm?result=${result}`, "cache-control": "no-store" } });
}
