import "server-only";
// RSS 2.0 feeds (the `feed` library writes and escapes the XML): the newest 50 stories readers
// may see, the whole text in content:encoded, for the site and for each section.
import { Feed } from "feed";
import { frozenBylinesSelect } from "@/lib/articles/public/public-queries";
import { publicSummarySelect, toPublicSummary } from "@/lib/articles/public/public-summary";
import { publiclyVisibleWhere } from "@/lib/articles/public/visibility";
import { cacheTag, tagResponse } from "@/lib/cache/cache-tags";
import { absoluteUrl, siteCopyright, siteDescription, siteName, siteUrl } from "@/lib/config/site";
import { readerDb } from "@/lib/db";
import { absolutizeHtml } from "@/lib/feeds/absolute-html";
import { reporterPath } from "@/lib/reporters/reporter-url";
import { xmlSafeText } from "@/lib/feeds/xml-text";

const FEED_SIZE = 50;

const feedSelect = {
  ...publicSummarySelect,
  // Every byline as the desk approved it (frozen with the live revision), e-mail included.
  liveRevision: { select: { ...publicSummarySelect.liveRevision.select, bodyHtml: true, bylines: frozenBylinesSelect } },
} as const;

export async function buildStoryFeed(options: { section?: { id: number; slug: string; name: string }; now?: Date }): Promise<string> {
  const now = options.now ?? new Date();
  tagResponse(cacheTag.feeds, cacheTag.latest, ...(options.section ? [cacheTag.section(options.section.id)] : []));
  const rows = await readerDb.article.findMany({
    where: { ...publiclyVisibleWhere(now), ...(options.section ? { liveRevision: { sectionId: options.section.id } } : {}) },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: FEED_SIZE,
    select: feedSelect,
  });
  const pagePath = options.section ? `/sections/${options.section.slug}` : "/";
  const feedPath = options.section ? `/sections/${options.section.slug}/feed.xml` : "/feed.xml";
  const title = options.section ? `${siteName} - ${options.section.name}` : siteName;
  const feed = new Feed({
    id: absoluteUrl(pagePath),
    title,
    description: options.section ? `${siteName} ${options.section.name} 최신 기사` : siteDescription,
    link: absoluteUrl(pagePath),
    language: "ko",
    copyright: siteCopyright,
    updated: rows[0]?.publishedAt ?? now,
    generator: false,
    feedLinks: { rss: absoluteUrl(feedPath) },
    image: absoluteUrl("/publisher-logo.png"),
    ttl: 10,
  });
  for (const row of rows) {
    const story = toPublicSummary(row);
    if (!story || !row.liveRevision) continue;
    const link = absoluteUrl(story.href);
    feed.addItem({
      title: xmlSafeText(story.headline),
      id: link,
      link,
      date: row.lastCorrectedAt ?? story.publishedAt,
      published: story.publishedAt,
      description: xmlSafeText(story.description),
      content: xmlSafeText(absolutizeHtml(row.liveRevision.bodyHtml, siteUrl)),
      author: row.liveRevision.bylines.map((person) => ({
        name: `${person.name} ${person.title}`,
        ...(person.bylineEmail ? { email: person.bylineEmail } : {}),
        link: absoluteUrl(reporterPath({ reporterNumber: person.user.reporterNumber, name: person.name })),
      })),
      ...(story.section ? { category: [{ name: story.section.name }] } : {}),
      ...(story.image ? { enclosure: { url: absoluteUrl(story.image.widest.src), type: "image/jpeg", length: 0 } } : {}),
    });
  }
  return feed.rss2();
}
