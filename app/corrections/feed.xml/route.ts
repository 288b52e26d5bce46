import { buildCorrectionsFeed } from "@/lib/corrections/corrections-feed";

export const dynamic = "force-dynamic";

export async function GET() {
  return new Response(await buildCorrectionsFeed(), { headers: { "content-type": "application/rss+xml; charset=utf-8" } });
}
