// A reader's browser starts the paper's notifications, or changes its topics (lib/push).
import { z } from "zod";
import { publicApiRoute, readJsonBody } from "@/lib/api/api-route";
import { commentVisitorFrom } from "@/lib/comments/comment-source";
import { pushSubscribeSchema } from "@/lib/push/push-input";
import { subscribeToPush } from "@/lib/push/push-subscriptions";

export const POST = publicApiRoute(
  {
    summary: "Start or change this browser's notifications: its push subscription (endpoint and keys) and the topics chosen (속보, sections, reporters)",
    body: pushSubscribeSchema,
    response: z.object({ message: z.string(), topics: z.array(z.string()) }),
    tag: "push",
  },
  async ({ request }) => Response.json(await subscribeToPush(await readJsonBody(request), commentVisitorFrom(request.headers)), { headers: { "cache-control": "no-store" } }),
);
