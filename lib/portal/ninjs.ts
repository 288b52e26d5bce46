// The push body: IPTC ninjs 2.1 (News in JSON), one object per transmission. Only properties of
// the 2.1 schema are used (it allows no others); docs/portal-transmission.md lists what each
// carries. `uri` is the story's id and never changes: an update or a deletion names the same one.
import type { TransmittedStory } from "@/lib/portal/transmitted-story";
import type { ArticleOrigin, MediaOrigin, PortalAction } from "@/lib/generated/prisma/enums";
import { ORIGIN_LABEL } from "@/lib/portal/origin-labels";

const NINJS_STANDARD = { name: "ninjs", version: "2.1", schema: "https://www.iptc.org/std/ninjs/ninjs-schema_2.1.json" } as const;

/** Where a story comes from, as the `role` of its infosource (the Korean label in `name` where there is no source). */
const ORIGIN_ROLE: Record<ArticleOrigin, string> = {
  OWN_REPORTING: "own-reporting",
  WIRE: "wire",
  PRESS_RELEASE: "press-release",
  CONTRIBUTION: "contribution",
  EXTERNAL: "external",
};

const PHOTO_ORIGIN_ROLE: Record<MediaOrigin, string> = { OWN: "own", WIRE: "wire", HANDOUT: "handout", EXTERNAL: "external" };

/** The story's stable id for every destination: its address without the slug. */
export function storyUri(siteUrl: string, articleId: number): string {
  return `${siteUrl}/articles/${articleId}`;
}

export interface NinjsContext {
  siteUrl: string;
  siteName: string;
  action: PortalAction;
  /** The destination's category the story goes under. */
  category: string | null;
  /** When this transmission was decided (a deletion's time). */
  at: Date;
}

type Ninjs = Record<string, unknown>;

function originInfosource(story: TransmittedStory, siteName: string): Ninjs[] {
  if (!story.origin) return [];
  const name = story.origin === "OWN_REPORTING" ? siteName : story.originSource || ORIGIN_LABEL[story.origin];
  return [{ name, role: ORIGIN_ROLE[story.origin], literal: story.origin }];
}

function byline(story: TransmittedStory): string {
  return story.bylines.map((person) => `${person.name} ${person.title}`.trim()).join(", ");
}

function photoAssociation(photo: TransmittedStory["photos"][number], index: number): Ninjs {
  return {
    name: photo.role === "hero" ? "hero" : `photo-${index}`,
    uri: photo.url,
    type: "picture",
    ...(photo.caption ? { headlines: [{ role: "caption", value: photo.caption }] } : {}),
    ...(photo.credit ? { by: photo.credit } : {}),
    ...(photo.origin ? { infosources: [{ name: photo.originSource || photo.credit || PHOTO_ORIGIN_ROLE[photo.origin], role: PHOTO_ORIGIN_ROLE[photo.origin], literal: photo.origin }] } : {}),
    renditions: [{ name: "original", href: photo.url, contenttype: "image/jpeg", width: photo.width, height: photo.height }],
  };
}

/** The ninjs object for a new story or an update (pubstatus usable). */
export function ninjsForStory(story: TransmittedStory, context: NinjsContext): Ninjs {
  const charcount = story.bodyText.replace(/\s/g, "").length;
  const wordcount = story.bodyText.split(/\s+/).filter(Boolean).length;
  return {
    standard: NINJS_STANDARD,
    uri: storyUri(context.siteUrl, story.articleId),
    type: "text",
    representationtype: "full",
    profile: context.action === "NEW" ? "new" : "update",
    version: String(story.revisionNumber),
    ...(story.firstPublishedAt ? { firstcreated: story.firstPublishedAt.toISOString() } : {}),
    versioncreated: story.revisionCreatedAt.toISOString(),
    pubstatus: "usable",
    language: "ko",
    copyrightholder: context.siteName,
    headlines: [{ role: "main", value: story.headline }, ...story.subHeadlines.map((value) => ({ role: "sub", value }))],
    descriptions: [
      ...(story.summary ? [{ role: "summary", value: story.summary }] : []),
      ...(story.correction ? [{ role: story.correction.type === "CORRECTION" ? "correction" : "reply", value: story.correction.note }] : []),
    ],
    ...(story.correction ? { ednote: `${story.correction.type === "CORRECTION" ? "정정" : "반론"}: ${story.correction.note}` } : {}),
    bodies: [
      { role: "main", contenttype: "text/html", charcount, wordcount, value: story.bodyHtml },
      { role: "main", contenttype: "text/plain", charcount, wordcount, value: story.bodyText },
    ],
    by: byline(story),
    people: story.bylines.map((person) => ({
      name: person.name,
      rel: "author",
      literal: person.title,
      ...(person.email ? { contactinfo: [{ type: "email", value: person.email }] } : {}),
    })),
    subjects: [
      ...(context.category ? [{ name: context.category, rel: "category", literal: context.category }] : []),
      ...(story.sectionName ? [{ name: story.sectionName, rel: "section" }] : []),
      ...story.tags.map((tag) => ({ name: tag, rel: "tag" })),
    ],
    infosources: originInfosource(story, context.siteName),
    associations: story.photos.map(photoAssociation),
    renditions: [{ name: "web", href: story.url, contenttype: "text/html" }],
    altids: [{ role: "article-id", value: String(story.articleId) }],
  };
}

/** The ninjs object for a deletion: the same uri, pubstatus canceled. */
export function ninjsForDeletion(articleId: number, headline: string, revisionNumber: number | null, context: NinjsContext): Ninjs {
  return {
    standard: NINJS_STANDARD,
    uri: storyUri(context.siteUrl, articleId),
    type: "text",
    profile: "delete",
    ...(revisionNumber ? { version: String(revisionNumber) } : {}),
    versioncreated: context.at.toISOString(),
    pubstatus: "canceled",
    language: "ko",
    headlines: [{ role: "main", value: headline }],
    altids: [{ role: "article-id", value: String(articleId) }],
  };
}

/** The IndexNow request body (indexnow.org): the site's host, its key, where the key file is, the address. */
export function indexNowBody(siteUrl: string, key: string, urls: string[]): { host: string; key: string; keyLocation: string; urlList: string[] } {
  return { host: new URL(siteUrl).host, key, keyLocation: `${siteUrl}/${key}.txt`, urlList: urls };
}
