// Not marked server-only: the job runner in server/ runs it, outside Next.js's bundle.
// A story as one destination receives it: the revision the transmission names (never the working
// copy), its frozen byline, origin and correction note, and its photos, without wire-service
// photos where the destination may not have them (their contracts often forbid passing them on).
// The push body (ninjs.ts) and the pull feed (pull-feed.ts) are both written from this.
import { articlePath } from "@/lib/articles/public/article-url";
import { loadBodyMedia } from "@/lib/articles/body/body-media";
import { bodyMediaIds, type ArticleBody, type BodyNode } from "@/lib/articles/body/body-schema";
import { renderArticleBody } from "@/lib/articles/body/render-body";
import { siteBaseUrl } from "@/lib/config/env";
import type { Db, DbTransaction } from "@/lib/db/client";
import type { ArticleOrigin, CorrectionType, MediaOrigin } from "@/lib/generated/prisma/enums";
import { mediaUrl } from "@/lib/media/media-url";

interface TransmittedPhoto {
  role: "hero" | "body";
  url: string;
  width: number;
  height: number;
  caption: string;
  credit: string;
  origin: MediaOrigin | null;
  originSource: string;
}

export interface TransmittedStory {
  articleId: number;
  revisionNumber: number;
  /** The story's public address (its id never changes; the slug follows the headline). */
  url: string;
  headline: string;
  subHeadlines: string[];
  summary: string;
  bodyHtml: string;
  bodyText: string;
  sectionName: string | null;
  tags: string[];
  bylines: { name: string; title: string; email: string | null }[];
  origin: ArticleOrigin | null;
  originSource: string;
  firstPublishedAt: Date | null;
  /** When this revision was approved. */
  revisionCreatedAt: Date;
  photos: TransmittedPhoto[];
  /** Wire photos left out because the destination does not allow them. */
  wirePhotosLeftOut: number;
  correction: { type: CorrectionType; note: string } | null;
}

type Reader = Db | DbTransaction;

const absolute = (path: string) => (path.startsWith("/") ? `${siteBaseUrl()}${path}` : path);

/** The body without the figures whose photo is in `dropped`. */
function withoutFigures(body: ArticleBody, dropped: Set<string>): ArticleBody {
  const keep = (node: BodyNode) => !(node.type === "figure" && typeof node.attrs?.mediaId === "string" && dropped.has(node.attrs.mediaId));
  const prune = (node: BodyNode): BodyNode => (node.content ? { ...node, content: node.content.filter(keep).map(prune) } : node);
  return { ...body, content: body.content.filter(keep).map(prune) };
}

export async function loadTransmittedStory(client: Reader, revisionId: string, options: { allowWirePhotos: boolean }): Promise<TransmittedStory | null> {
  const revision = await client.articleRevision.findUnique({
    where: { id: revisionId },
    select: {
      id: true,
      number: true,
      articleId: true,
      headline: true,
      subHeadlines: true,
      summary: true,
      bodyJson: true,
      bodyHtml: true,
      bodyText: true,
      tagNames: true,
      heroCaption: true,
      heroCredit: true,
      origin: true,
      originSource: true,
      createdAt: true,
      section: { select: { name: true } },
      heroImage: { select: { storageKey: true, width: true, height: true, origin: true, originSource: true } },
      bylines: { orderBy: { position: "asc" }, select: { name: true, title: true, bylineEmail: true } },
      corrections: { orderBy: { createdAt: "desc" }, take: 1, select: { type: true, note: true } },
      article: { select: { id: true, slug: true, publishedAt: true } },
    },
  });
  if (!revision) return null;
  const body = revision.bodyJson as ArticleBody;
  const bodyMedia = await client.media.findMany({
    where: { id: { in: bodyMediaIds(body) } },
    select: { id: true, storageKey: true, width: true, height: true, caption: true, credit: true, origin: true, originSource: true },
  });
  const wire = new Set(options.allowWirePhotos ? [] : bodyMedia.filter((media) => media.origin === "WIRE").map((media) => media.id));
  const heroIsWire = !options.allowWirePhotos && revision.heroImage?.origin === "WIRE";
  let bodyHtml = revision.bodyHtml;
  if (wire.size > 0) {
    const pruned = withoutFigures(body, wire);
    bodyHtml = renderArticleBody(pruned, await loadBodyMedia(client, pruned, { requireAll: false })).html;
  }
  const photos: TransmittedPhoto[] = [];
  if (revision.heroImage && !heroIsWire) {
    const hero = revision.heroImage;
    photos.push({ role: "hero", url: absolute(mediaUrl(hero.storageKey)), width: hero.width, height: hero.height, caption: revision.heroCaption, credit: revision.heroCredit, origin: hero.origin, originSource: hero.originSource });
  }
  for (const media of bodyMedia) {
    if (wire.has(media.id)) continue;
    photos.push({ role: "body", url: absolute(mediaUrl(media.storageKey)), width: media.width, height: media.height, caption: media.caption, credit: media.credit, origin: media.origin, originSource: media.originSource });
  }
  const correction = revision.corrections[0];
  return {
    articleId: revision.articleId,
    revisionNumber: revision.number,
    url: absolute(articlePath(revision.article)),
    headline: revision.headline,
    subHeadlines: revision.subHeadlines,
    summary: revision.summary,
    bodyHtml,
    bodyText: revision.bodyText,
    sectionName: revision.section?.name ?? null,
    tags: revision.tagNames,
    bylines: revision.bylines.map((byline) => ({ name: byline.name, title: byline.title, email: byline.bylineEmail })),
    origin: revision.origin,
    originSource: revision.originSource,
    firstPublishedAt: revision.article.publishedAt,
    revisionCreatedAt: revision.createdAt,
    photos,
    wirePhotosLeftOut: wire.size + (heroIsWire ? 1 : 0),
    correction: correction && correction.type !== "UPDATE" ? { type: correction.type, note: correction.note } : null,
  };
}
