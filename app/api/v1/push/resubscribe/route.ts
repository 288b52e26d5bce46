// A reader's browser whose push service replaced its subscription moves its topics to the new one
// (the service worker's pushsubscriptionchange, public/push-sw.js; lib/push).
import { z } from "zod";
import { publicApiRoute, readJsonBody } from "@/lib/api/api-route";
import { commentVisitorFrom } from "@/lib/comments/comment-source";
import { pushResubscribeSchema } from "@/lib/push/push-input";
import { moveToNewSubscription } from "@/lib/push/push-subscriptions";

export const POST = publicApiRoute(
  {
    summary: "Move this browser's notifications to the subscription its push service replaced the old one with; the old subscription's auth secret proves the caller held it",
    body: pushResubscribeSchema,
    response: z.object({ message: z.string(), topics: z.array(z.string()) }),
    tag: "push",
  },
  async ({ request }) => Response.json(await moveToNewSubscription(await readJsonBody(request), commentVisitorFrom(request.headers)), { headers: { "cache-control": "no-store" } }),
);
