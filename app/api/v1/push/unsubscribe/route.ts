// A reader's browser ends the paper's notifications: its row is deleted (lib/push).
import { z } from "zod";
import { publicApiRoute, readJsonBody } from "@/lib/api/api-route";
import { pushUnsubscribeSchema } from "@/lib/push/push-input";
import { unsubscribeFromPush } from "@/lib/push/push-subscriptions";

export const POST = publicApiRoute(
  { summary: "End this browser's notifications (its push subscription is deleted)", body: pushUnsubscribeSchema, response: z.object({ message: z.string() }), tag: "push" },
  async ({ request }) => Response.json(await unsubscribeFromPush(await readJsonBody(request)), { headers: { "cache-control": "no-store" } }),
);
