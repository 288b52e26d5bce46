import { buildStoryFeed } from "@/lib/feeds/story-feed";
import { getActiveSection } from "@/lib/sections/public-queries";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const section = await getActiveSection((await params).slug);
  if (!section) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(await buildStoryFeed({ section }), { headers: { "content-type": "application/rss+xml; charset=utf-8" } });
}
