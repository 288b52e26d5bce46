// The sitemap index's children: pages.xml, reporters.xml, articles-<n>.xml.
import { buildArticleSitemap, buildPagesSitemap, buildReportersSitemap } from "@/lib/feeds/sitemaps";

export const dynamic = "force-dynamic";

const xml = (body: string) => new Response(body, { headers: { "content-type": "application/xml; charset=utf-8" } });
const notFound = () => new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const file = (await params).file;
  if (file === "pages.xml") return xml(await buildPagesSitemap());
  if (file === "reporters.xml") return xml(await buildReportersSitemap());
  const match = /^articles-(\d{1,6})\.xml$/.exec(file);
  const body = match ? await buildArticleSitemap(Number(match[1])) : null;
  return body === null ? notFound() : xml(body);
}
