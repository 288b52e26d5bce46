// The Next.js process's side of a cache miss behind the front process: the page rendered into
// memory (render-with-next.ts, which collects the tags its data carried) and sent back whole, with
// the tags in a header only the front reads (front-protocol.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import { CLIENT_IP_HEADER } from "@/lib/auth/client-ip";
import { encodeRenderTags, RENDER_FOR_CACHE_HEADER, RENDER_TAGS_HEADER } from "@/server/front/front-protocol";
import type { Render } from "@/server/response-cache/response-cache";

const NOT_REPLAYED = new Set(["transfer-encoding", "connection", "keep-alive", "content-length"]);

/** Whether the front asks for a render for its cache (only the front can reach this process). */
export function isRenderForFront(req: IncomingMessage): boolean {
  return req.headers[RENDER_FOR_CACHE_HEADER] !== undefined;
}

export async function renderForFront(render: Render, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { [RENDER_FOR_CACHE_HEADER]: _asked, ...headers } = req.headers;
  const captured = await render({ url: req.url ?? "/", headers, remoteAddress: String(req.headers[CLIENT_IP_HEADER] ?? "") || undefined });
  const answer: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(captured.headers)) if (value !== undefined && !NOT_REPLAYED.has(name)) answer[name] = value;
  answer["content-length"] = String(captured.body.length);
  answer[RENDER_TAGS_HEADER] = encodeRenderTags(captured.tags);
  res.writeHead(captured.status, answer);
  res.end(captured.body);
}
