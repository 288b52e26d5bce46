import "server-only";
// The photo library learns from use. When a writer saves or creates a story (explicitly: not an
// autosave, which may catch a word half-typed), the caption, credit and alt text the story gives each of
// its photos fill that photo's BLANK fields in the library, so whoever uses it next finds them
// pre-filled. A field the library already has is never overwritten: a story's different text is
// that story's own. Filling a blank is part of using a photo, so it needs no edit right on it
// (a reporter may not edit a colleague's photo in the library, but may describe it there first).
import type { BodyNode } from "@/lib/articles/body/body-schema";
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

/**
 * Fills the library's blank fields from these uses (the first use of a photo wins) on behalf of
 * `actorId`; returns the photos changed. Each change is a `media.updated` event naming the fields
 * filled, as an edit in the library is (the security log and the caches read it).
 */
export async function fillBlankPhotoTexts(tx: DbTransaction, uses: PhotoTexts[], actorId: string): Promise<string[]> {
  const changed: string[] = [];
  for (const use of uses) {
    if (changed.includes(use.mediaId)) continue;
    // Locked so that two saves filling the same photo cannot both count the same blank.
    const rows = await tx.$queryRaw<{ altText: string; caption: string; credit: string }[]>`
      SELECT "altText", "caption", "credit" FROM "Media" WHERE "id" = ${use.mediaId} FOR UPDATE`;
    const stored = rows[0];
    if (!stored) continue;
    const fill = {
      ...(stored.altText === "" && use.alt ? { altText: use.alt } : {}),
      ...(stored.caption === "" && use.caption ? { caption: use.caption } : {}),
      ...(stored.credit === "" && use.credit ? { credit: use.credit } : {}),
    };
    const fields = Object.keys(fill);
    if (fields.length === 0) continue;
    await tx.media.update({ where: { id: use.mediaId }, data: fill });
    // Reader pages that fall back to the library's alt text are told, as after an edit in the library.
    await emitDomainEvent(tx, { type: "media.updated", mediaId: use.mediaId, actorId, fields });
    changed.push(use.mediaId);
  }
  return changed;
}
