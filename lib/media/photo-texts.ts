import "server-only";
// The photo library learns from use. When a writer saves or creates a story (explicitly: not an
// autosave, which may catch a word half-typed), the caption, credit and alt text the story gives each of
// its photos fill that photo's BLANK fields in the library, so whoever uses it next finds them
// pre-filled. A field the library already has is never overwritten: a story's different text is
// that story's own. Filling a blank is part of using a photo, so it needs no edit right on it
// (a reporter may not edit a colleague's photo in the library, but may describe it there first).
import type { BodyNode } from "@/lib/articles/body-schema";
import type { DbTransaction } from "@/lib/db/client";
import { emitDomainEvent } from "@/lib/events/domain-events";

export interface PhotoTexts {
  mediaId: string;
  alt: string;
  caption: string;
  credit: string;
}

const attr = (node: BodyNode, name: string) => (typeof node.attrs?.[name] === "string" ? (node.attrs[name] as string).trim() : "");

/** The main photo's texts as a story holds them (heroImageId and its hero fields), or null without one. */
export function heroTextsOf(story: { heroImageId: string | null; heroCaption: string; heroCredit: string; heroAlt: string }): PhotoTexts | null {
  return story.heroImageId ? { mediaId: story.heroImageId, alt: story.heroAlt, caption: story.heroCaption, credit: story.heroCredit } : null;
}

/** The texts a story gives its photos: the main photo's, then each body figure's, in order. */
export function photoTextsOfStory(story: { hero: PhotoTexts | null; body: { content?: BodyNode[] } | undefined }): PhotoTexts[] {
  const found: PhotoTexts[] = story.hero ? [{ ...story.hero, alt: story.hero.alt.trim(), caption: story.hero.caption.trim(), credit: story.hero.credit.trim() }] : [];
  const visit = (node: BodyNode) => {
    if (node.type === "figure" && attr(node, "mediaId")) found.push({ mediaId: attr(node, "mediaId"), alt: attr(node, "alt"), caption: attr(node, "caption"), credit: attr(node, "credit") });
    node.content?.forEach(visit);
  };
  story.body?.content?.forEach(visit);
  return found.filter((texts) => texts.alt || texts.caption || texts.credit);
}

/** Fills the library's blank fields from these uses (the first use of a photo wins); returns the photos changed. */
export async function fillBlankPhotoTexts(tx: DbTransaction, uses: PhotoTexts[]): Promise<string[]> {
  const changed = new Set<string>();
  for (const use of uses) {
    const count = await tx.$executeRaw`
      UPDATE "Media" SET
        "altText" = CASE WHEN "altText" = '' THEN ${use.alt} ELSE "altText" END,
        "caption" = CASE WHEN "caption" = '' THEN ${use.caption} ELSE "caption" END,
        "credit" = CASE WHEN "credit" = '' THEN ${use.credit} ELSE "credit" END
      WHERE "id" = ${use.mediaId}
        AND (("altText" = '' AND ${use.alt} <> '') OR ("caption" = '' AND ${use.caption} <> '') OR ("credit" = '' AND ${use.credit} <> ''))`;
    if (count > 0) changed.add(use.mediaId);
  }
  // Reader pages that fall back to the library's alt text are told, as after an edit in the library.
  for (const mediaId of changed) await emitDomainEvent(tx, { type: "media.updated", mediaId });
  return [...changed];
}
