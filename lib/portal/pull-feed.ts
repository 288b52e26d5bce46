import "server-only";
// A pull destination's own feed (RSS 2.0 or Atom 1.0), at an address holding a secret token: what
// was decided for that destination, one item per story, newest first, each as the destination
// should now hold it. The item's id (guid) is the story's and never changes; its modification time
// is when the transmission was made; its action (new, update, delete) is a category in our own
// scheme, so any feed reader sees all three. A deletion keeps the headline and address, no text.
// Only SENT transmissions appear: what the rules refused, the desk held or the site never made
// public is not there (planning.ts never marks those SENT).
import { timingSafeEqual } from "node:crypto";
import { XMLBuilder } from "fast-xml-parser";
import { articlePath } from "@/lib/articles/public/article-url";
import { siteBaseUrl } from "@/lib/config/env";
import { siteName } from "@/lib/config/site";
import { db } from "@/lib/db";
import { xmlSafeText } from "@/lib/feeds/xml-text";
import type { PortalAction } from "@/lib/generated/prisma/enums";
import { feedTokenHash } from "@/lib/portal/feed-token";
import { ORIGIN_LABEL } from "@/lib/portal/origin-labels";
import { storyUri } from "@/lib/portal/ninjs";
import { loadTransmittedStory, type TransmittedStory } from "@/lib/portal/transmitted-story";

/** The scheme (Atom) or domain (RSS) of the category that says what an item is. */
const ACTION_SCHEME = "urn:newsroom:portal:action";
/** The destination's own category for the story. */
const CATEGORY_SCHEME = "urn:newsroom:portal:category";
/** Where the story comes from (출처 유형, and the agency or issuer). */
const ORIGIN_SCHEME = "urn:newsroom:portal:origin";
const FEED_ITEMS = 100;

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", format: true, suppressEmptyNode: true, cdataPropName: "#cdata" });

interface FeedItem {
  articleId: number;
  action: PortalAction;
  category: string | null;
  updated: Date;
  headline: string;
  url: string;
  story: TransmittedStory | null;
  correctionNote: string | null;
}

/** Whether `token` opens destination `id`'s feed (compared in constant time, as hashes). */
async function feedDestination(id: number, token: string) {
  const destination = await db.portalDestination.findUnique({ where: { id }, select: { id: true, name: true, kind: true, active: true, feedFormat: true, allowWirePhotos: true, secret: true } });
  if (!destination || destination.kind !== "PULL" || !destination.active) return null;
  const given = Buffer.from(feedTokenHash(token), "hex");
  const stored = Buffer.from(destination.secret, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored) ? destination : null;
}

async function feedItems(destinationId: number, allowWirePhotos: boolean): Promise<FeedItem[]> {
  const rows = await db.portalTransmission.findMany({
    where: { destinationId, status: "SENT" },
    orderBy: { id: "desc" },
    take: FEED_ITEMS * 5,
    select: { articleId: true, action: true, category: true, sentAt: true, createdAt: true, revisionId: true, correctionNote: true, revision: { select: { headline: true } }, article: { select: { id: true, slug: true } } },
  });
  const latest = new Map<number, (typeof rows)[number]>();
  for (const row of rows) if (!latest.has(row.articleId)) latest.set(row.articleId, row);
  const items: FeedItem[] = [];
  for (const row of [...latest.values()].slice(0, FEED_ITEMS)) {
    if (!row.revisionId || !row.revision) continue;
    const story = row.action === "DELETE" ? null : await loadTransmittedStory(db, row.revisionId, { allowWirePhotos });
    items.push({
      articleId: row.articleId,
      action: row.action,
      category: row.category,
      updated: row.sentAt ?? row.createdAt,
      headline: row.revision.headline,
      url: `${siteBaseUrl()}${articlePath(row.article)}`,
      story,
      correctionNote: row.correctionNote,
    });
  }
  return items;
}

const text = (value: string) => xmlSafeText(value);
const originOf = (story: TransmittedStory | null) => (story?.origin ? `${ORIGIN_LABEL[story.origin]}${story.originSource ? `: ${story.originSource}` : ""}` : null);
const bodyWithNote = (item: FeedItem) => `${item.story?.bodyHtml ?? ""}${item.correctionNote ? `<p class="correction">${escapeHtml(item.correctionNote)}</p>` : ""}`;

function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function rss(title: string, items: FeedItem[], now: Date): string {
  return builder.build({
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
    rss: {
      "@_version": "2.0",
      "@_xmlns:atom": "http://www.w3.org/2005/Atom",
      "@_xmlns:content": "http://purl.org/rss/1.0/modules/content/",
      "@_xmlns:dc": "http://purl.org/dc/elements/1.1/",
      channel: {
        title: text(title),
        link: siteBaseUrl(),
        description: text(`${siteName} 송고 피드`),
        language: "ko",
        lastBuildDate: now.toUTCString(),
        item: items.map((item) => ({
          title: text(item.headline),
          link: item.url,
          guid: { "@_isPermaLink": "false", "#text": storyUri(siteBaseUrl(), item.articleId) },
          pubDate: (item.story?.firstPublishedAt ?? item.updated).toUTCString(),
          "atom:updated": item.updated.toISOString(),
          category: [
            { "@_domain": ACTION_SCHEME, "#text": item.action.toLowerCase() },
            ...(item.category ? [{ "@_domain": CATEGORY_SCHEME, "#text": text(item.category) }] : []),
            ...(originOf(item.story) ? [{ "@_domain": ORIGIN_SCHEME, "#text": text(originOf(item.story)!) }] : []),
          ],
          ...(item.story ? { "dc:creator": text(item.story.bylines.map((person) => `${person.name} ${person.title}`).join(", ")) } : {}),
          description: text(item.action === "DELETE" ? "삭제된 기사입니다." : (item.story?.summary || item.story?.bodyText.slice(0, 200) || "")),
          ...(item.story ? { "content:encoded": { "#cdata": text(bodyWithNote(item)).replaceAll("]]>", "]]&gt;") } } : {}),
        })),
      },
    },
  });
}

function atom(title: string, feedUrl: string, items: FeedItem[], now: Date): string {
  return builder.build({
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
    feed: {
      "@_xmlns": "http://www.w3.org/2005/Atom",
      "@_xml:lang": "ko",
      id: feedUrl.replace(/\/[^/]+$/, ""),
      title: text(title),
      updated: (items[0]?.updated ?? now).toISOString(),
      link: [{ "@_rel": "alternate", "@_href": siteBaseUrl() }],
      author: { name: text(siteName) },
      entry: items.map((item) => ({
        id: storyUri(siteBaseUrl(), item.articleId),
        title: text(item.headline),
        link: { "@_rel": "alternate", "@_href": item.url },
        published: (item.story?.firstPublishedAt ?? item.updated).toISOString(),
        updated: item.updated.toISOString(),
        category: [
          { "@_scheme": ACTION_SCHEME, "@_term": item.action.toLowerCase() },
          ...(item.category ? [{ "@_scheme": CATEGORY_SCHEME, "@_term": text(item.category) }] : []),
          ...(originOf(item.story) ? [{ "@_scheme": ORIGIN_SCHEME, "@_term": text(originOf(item.story)!) }] : []),
        ],
        ...(item.story ? { author: item.story.bylines.map((person) => ({ name: text(`${person.name} ${person.title}`) })) } : {}),
        summary: text(item.action === "DELETE" ? "삭제된 기사입니다." : (item.story?.summary || item.story?.bodyText.slice(0, 200) || "")),
        ...(item.story ? { content: { "@_type": "html", "#text": text(bodyWithNote(item)) } } : {}),
      })),
    },
  });
}

/** The feed document and its media type, or null when the address is not a feed (404: the same for a wrong token). */
export async function buildPullFeed(destinationId: number, token: string, feedUrl: string, now = new Date()): Promise<{ body: string; contentType: string } | null> {
  const destination = await feedDestination(destinationId, token);
  if (!destination) return null;
  await db.portalDestination.update({ where: { id: destination.id }, data: { lastFetchedAt: now } });
  const items = await feedItems(destination.id, destination.allowWirePhotos);
  const title = `${siteName} → ${destination.name}`;
  return destination.feedFormat === "ATOM"
    ? { body: atom(title, feedUrl, items, now), contentType: "application/atom+xml; charset=utf-8" }
    : { body: rss(title, items, now), contentType: "application/rss+xml; charset=utf-8" };
}
