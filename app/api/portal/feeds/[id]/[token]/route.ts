// A pull destination's feed (lib/portal/pull-feed.ts). Outside /api/v1: it is for a portal's
// crawler, with the secret in its address, not for staff. A wrong token and an unknown id look alike.
import { buildPullFeed } from "@/lib/portal/pull-feed";

export const dynamic = "force-dynamic";

const NOT_FOUND = () => new Response("Not Found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });

export async function GET(request: Request, { params }: { params: Promise<{ id: string; token: string }> }) {
  const { id, token } = await params;
  if (!/^\d{1,9}$/.test(id) || token.length > 200) return NOT_FOUND();
  const feed = await buildPullFeed(Number(id), decodeURIComponent(token), request.url);
  if (!feed) return NOT_FOUND();
  return new Response(feed.body, { headers: { "content-type": feed.contentType, "cache-control": "no-store", "x-robots-tag": "noindex" } });
}
