import "server-only";
// /corrections/feed.xml: the newest 정정 and 반론 as RSS 2.0, written by the same `feed` library
// as the story feeds (lib/feeds/story-feed.ts), from the same public query as /corrections.
import { josa } from "es-hangul";
import { Feed } from "feed";
import { getPublicCorrections } from "@/lib/corrections/public-corrections";
import { absoluteUrl, siteCopyright, siteName } from "@/lib/config/site";
import { cacheTag, tagResponse } from "@/lib/cache/cache-tags";
import { xmlSafeText } from "@/lib/feeds/xml-text";

const LABEL = { CORRECTION: "정정", REPLY: "반론" } as const;

export async function buildCorrectionsFeed(now = new Date()): Promise<string> {
  tagResponse(cacheTag.feeds);
  const corrections = await getPublicCorrections({ now });
  const feed = new Feed({
    id: absoluteUrl("/corrections"),
    title: `${siteName} - 정정·반론`,
    description: `${josa(siteName, "이/가")} 바로잡은 기사와 반론 보도`,
    link: absoluteUrl("/corrections"),
    language: "ko",
    copyright: siteCopyright,
    updated: corrections[0]?.at ?? now,
    generator: false,
    feedLinks: { rss: absoluteUrl("/corrections/feed.xml") },
    ttl: 10,
  });
  for (const correction of corrections) {
    const link = absoluteUrl(correction.story.path);
    feed.addItem({
      title: xmlSafeText(`[${LABEL[correction.type]}] ${correction.story.headline}`),
      id: `${absoluteUrl("/corrections")}#${correction.id}`,
      link,
      date: correction.at,
      description: xmlSafeText(correction.note),
      ...(correction.story.section ? { category: [{ name: correction.story.section.name }] } : {}),
    });
  }
  return feed.rss2();
}
