import { staffApiRoute } from "@/lib/api/api-route";
import { responses } from "@/lib/api/response-schemas";
import { queryObject } from "@/lib/api/route-params";
import { MAX_UPLOAD_BYTES, UPLOAD_TOO_LARGE_MESSAGE } from "@/lib/media/image-pipeline";
import { listMedia, uploadLibraryImage } from "@/lib/media/media-library";
import { mediaListQuerySchema, mediaUploadFieldsSchema } from "@/lib/media/media-schemas";

export const GET = staffApiRoute(
  { summary: "The media library, newest first, searchable", query: mediaListQuerySchema, response: responses.mediaList, tag: "media" },
  async ({ request, staff }) => listMedia(staff, queryObject(request)),
);

// Room for the multipart envelope and the text fields around a file at the limit.
const MAX_UPLOAD_REQUEST_BYTES = MAX_UPLOAD_BYTES + 1024 * 1024;

// Multipart (file, alt?, caption?, credit?): the only route that takes large bodies. A declared
// length over the limit is refused before anything is read; a body without one (chunked) is
// counted as it streams to a temporary file (lib/media/upload-stream.ts).
export const POST = staffApiRoute(
  {
    summary: "Upload an image (multipart: file plus these fields; up to 20 MB)",
    body: mediaUploadFieldsSchema,
    bodyEncoding: "multipart",
    response: responses.media,
    successStatus: 201,
    tag: "media",
  },
  async ({ request, staff }) => {
    const declared = Number(request.headers.get("content-length") ?? "0");
    if (declared > MAX_UPLOAD_REQUEST_BYTES) {
      return Response.json({ error: { code: "PAYLOAD_TOO_LARGE", message: UPLOAD_TOO_LARGE_MESSAGE } }, { status: 413 });
    }
    return Response.json({ media: await uploadLibraryImage(staff, request) }, { status: 201 });
  },
);
