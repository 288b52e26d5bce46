import { buildNewsSitemap } from "@/lib/feeds/sitemaps";

export const dynamic = "force-dynamic";

export async function GET() {
  return new Response(await buildNewsSitemap(), { headers: { "content-type": "application/xml; charset=utf-8" } });
}
