import { readJsonBody, staffApiRoute } from "@/lib/api/api-route";
import { parseMediaIdParam } from "@/lib/api/route-params";
import { getMedia, updateMedia } from "@/lib/media/media-library";

type Params = { id: string };

export const GET = staffApiRoute<Params>(async ({ staff, params }) => ({ media: await getMedia(staff, parseMediaIdParam(params.id)) }));

export const PATCH = staffApiRoute<Params>(async ({ request, staff, params }) => ({
  media: await updateMedia(staff, parseMediaIdParam(params.id), await readJsonBody(request)),
}));
