import { buildSitemapIndex } from "@/lib/feeds/sitemaps";

export const dynamic = "force-dynamic";

export async function GET() {
  return new Response(await buildSitemapIndex(), { headers: { "content-type": "application/xml; charset=utf-8" } });
}
