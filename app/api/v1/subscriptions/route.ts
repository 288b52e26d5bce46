import { z } from "zod";
import { publicApiRoute, readJsonBody } from "@/lib/api/api-route";
import { commentVisitorFrom } from "@/lib/comments/comment-source";
import { subscribeInputSchema } from "@/lib/subscriptions/subscription-input";
import { requestSubscription } from "@/lib/subscriptions/subscriptions";

export const POST = publicApiRoute(
  {
    summary: "Ask for the morning digest or a reporter's new stories by e-mail (a confirmation mail is sent; nothing else before it is confirmed)",
    body: subscribeInputSchema,
    response: z.object({ message: z.string() }),
    successStatus: 201,
    tag: "subscriptions",
  },
  async ({ request }) => Response.json(await requestSubscription(await readJsonBody(request), commentVisitorFrom(request.headers)), { status: 201, headers: { "cache-control": "no-store" } }),
);
