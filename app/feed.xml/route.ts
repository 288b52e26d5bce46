import { buildStoryFeed } from "@/lib/feeds/story-feed";

export const dynamic = "force-dynamic";

export async function GET() {
  return new Response(await buildStoryFeed({}), { headers: { "content-type": "application/rss+xml; charset=utf-8" } });
}
