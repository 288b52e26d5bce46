import "server-only";
// Sitemaps for search engines: an index (/sitemap.xml) pointing to the site's pages, its
// reporters and its stories in pages of 1,000 by id (a story keeps its sitemap page forever, so
// the pages stay put as stories are added), and the Google News sitemap (the last 48 hours).
// Written with fast-xml-parser's builder, which escapes every value.
import { XMLBuilder } from "fast-xml-parser";
import { articlePath } from "@/lib/articles/public/article-url";
import { publiclyVisibleWhere } from "@/lib/articles/public/visibility";
import { cacheTag, tagResponse } from "@/lib/cache/cache-tags";
import { absoluteUrl, siteName } from "@/lib/config/site";
import { readerDb } from "@/lib/db";
import { xmlSafeText } from "@/lib/feeds/xml-text";
import { toKstIso } from "@/lib/format/korean-time";
import { listPublicReporters } from "@/lib/reporters/public-reporter";
import { reporterPath } from "@/lib/reporters/reporter-url";

const ARTICLES_PER_SITEMAP = 1_000;
const NEWS_WINDOW_MS = 48 * 3_600_000;
const NEWS_MAX = 1_000;

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", format: true, suppressEmptyNode: true });

function xmlDocument(body: Record<string, unknown>): string {
  return builder.build({ "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" }, ...body });
}

async function articleSitemapCount(now: Date): Promise<number> {
  tagResponse(cacheTag.sitemaps, cacheTag.latest);
  const { _max } = await readerDb.article.aggregate({ where: publiclyVisibleWhere(now), _max: { id: true } });
  return _max.id ? Math.ceil(_max.id / ARTICLES_PER_SITEMAP) : 0;
}

export async function buildSitemapIndex(now = new Date()): Promise<string> {
  const pages = await articleSitemapCount(now);
  const children = ["/sitemaps/pages.xml", "/sitemaps/reporters.xml", ...Array.from({ length: pages }, (_, index) => `/sitemaps/articles-${index + 1}.xml`)];
  return xmlDocument({ sitemapindex: { "@_xmlns": SITEMAP_NS, sitemap: children.map((path) => ({ loc: absoluteUrl(path) })) } });
}

/** Stories with ids ((page-1)*1000, page*1000] that readers may see; null past the last page. */
export async function buildArticleSitemap(page: number, now = new Date()): Promise<string | null> {
  if (page < 1 || page > (await articleSitemapCount(now))) return null;
  const rows = await readerDb.article.findMany({
    where: { ...publiclyVisibleWhere(now), id: { gt: (page - 1) * ARTICLES_PER_SITEMAP, lte: page * ARTICLES_PER_SITEMAP } },
    orderBy: { id: "asc" },
    select: { id: true, slug: true, publishedAt: true, lastCorrectedAt: true, liveRevision: { select: { headline: true } } },
  });
  const urls = rows.flatMap((row) =>
    row.liveRevision && row.publishedAt ? [{ loc: absoluteUrl(articlePath(row)), lastmod: toKstIso(row.lastCorrectedAt ?? row.publishedAt) }] : [],
  );
  return xmlDocument({ urlset: { "@_xmlns": SITEMAP_NS, url: urls } });
}

export async function buildPagesSitemap(): Promise<string> {
  tagResponse(cacheTag.sitemaps, cacheTag.site);
  const sections = await readerDb.section.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" }, select: { slug: true } });
  const urls = [{ loc: absoluteUrl("/"), changefreq: "always" }, ...sections.map((section) => ({ loc: absoluteUrl(`/sections/${section.slug}`), changefreq: "hourly" }))];
  return xmlDocument({ urlset: { "@_xmlns": SITEMAP_NS, url: urls } });
}

export async function buildReportersSitemap(now = new Date()): Promise<string> {
  tagResponse(cacheTag.sitemaps, cacheTag.latest);
  const reporters = await listPublicReporters(now);
  return xmlDocument({ urlset: { "@_xmlns": SITEMAP_NS, url: reporters.map((reporter) => ({ loc: absoluteUrl(reporterPath(reporter)) })) } });
}

/** Google News: stories published in the last 48 hours, with publication name and language. */
export async function buildNewsSitemap(now = new Date()): Promise<string> {
  tagResponse(cacheTag.sitemaps, cacheTag.latest);
  const rows = await readerDb.article.findMany({
    where: { AND: [publiclyVisibleWhere(now), { publishedAt: { gte: new Date(now.getTime() - NEWS_WINDOW_MS) } }] },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: NEWS_MAX,
    select: { id: true, slug: true, publishedAt: true, liveRevision: { select: { headline: true } } },
  });
  const urls = rows.flatMap((row) =>
    row.liveRevision && row.publishedAt
      ? [
          {
            loc: absoluteUrl(articlePath(row)),
            "news:news": {
              "news:publication": { "news:name": xmlSafeText(siteName), "news:language": "ko" },
              "news:publication_date": toKstIso(row.publishedAt),
              "news:title": xmlSafeText(row.liveRevision.headline),
            },
          },
        ]
      : [],
  );
  return xmlDocument({ urlset: { "@_xmlns": SITEMAP_NS, "@_xmlns:news": NEWS_NS, url: urls } });
}
