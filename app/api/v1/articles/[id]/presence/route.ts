import { readJsonBody, staffApiRoute } from "@/lib/api/api-route";
import { responses } from "@/lib/api/response-schemas";
import { parseArticleIdParam } from "@/lib/api/route-params";
import { presenceInputSchema } from "@/lib/articles/article-input-schema";
import { heartbeatPresence, releasePresence } from "@/lib/articles/editor/presence";

type Params = { id: string };

// The editor's heartbeat (every ~15 s): JSON { takeOver?, opening? }, or no body at all.
export const POST = staffApiRoute<Params>(
  { summary: "Editor heartbeat: hold, see or take over the story", body: presenceInputSchema, response: responses.presence, tag: "editor" },
  async ({ request, staff, params }) => {
    const hasBody = (await request.clone().text()).trim() !== "";
    return { presence: await heartbeatPresence(staff, parseArticleIdParam(params.id), hasBody ? await readJsonBody(request) : {}) };
  },
);

// The editor page closing: let go of the story (and of a takeover notice, as reopening does).
export const DELETE = staffApiRoute<Params>({ summary: "Release the story (editor page closed)", response: responses.ok, tag: "editor" }, async ({ staff, params }) => {
  await releasePresence(staff, parseArticleIdParam(params.id));
  return { ok: true };
});
