// Renders a request through Next.js into memory (not onto the client's socket), collecting the
// cache tags the page's data functions set, so the response cache can store it and then answer
// the client from the stored copy. `light-my-request` (Fastify's request injection) supplies the
// in-memory request and response objects Next.js writes to.
import type { RequestListener } from "node:http";
import inject from "light-my-request";
import { collectResponseTags } from "@/lib/cache/cache-tags";
import type { CapturedResponse, Render, RenderRequest } from "@/server/response-cache/response-cache";

export function renderWithNext(nextHandler: RequestListener): Render {
  return async (req: RenderRequest): Promise<CapturedResponse> => {
    const headers = { ...req.headers, "accept-encoding": "identity" };
    const { result, tags } = await collectResponseTags(() =>
      inject(nextHandler, {
        // A HEAD is rendered as a GET so the stored copy can answer both.
        method: "GET",
        url: req.url,
        headers,
        remoteAddress: req.remoteAddress ?? "127.0.0.1",
      }),
    );
    return { status: result.statusCode, headers: result.headers as CapturedResponse["headers"], body: result.rawPayload, tags };
  };
}
