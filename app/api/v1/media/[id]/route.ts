import { readJsonBody, staffApiRoute } from "@/lib/api/api-route";
import { responses } from "@/lib/api/response-schemas";
import { parseMediaIdParam } from "@/lib/api/route-params";
import { getMedia, updateMedia } from "@/lib/media/media-library";
import { mediaUpdateSchema } from "@/lib/media/media-schemas";

type Params = { id: string };

export const GET = staffApiRoute<Params>({ summary: "One library image", response: responses.media, tag: "media" }, async ({ staff, params }) => ({
  media: await getMedia(staff, parseMediaIdParam(params.id)),
}));

export const PATCH = staffApiRoute<Params>(
  { summary: "Edit an image's alt text, caption, credit", body: mediaUpdateSchema, response: responses.media, tag: "media" },
  async ({ request, staff, params }) => ({ media: await updateMedia(staff, parseMediaIdParam(params.id), await readJsonBody(request)) }),
);
