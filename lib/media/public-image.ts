// An image as reader pages draw it: a fallback src, WebP and JPEG srcsets from the stored
// widths (lib/media/media-url.ts), and the intrinsic size so the browser reserves its box
// before the bytes arrive (no layout shift). Media without variants (the demo seed's, older
// uploads) fall back to the one stored file.
import { mediaSrcSets, mediaUrl, readMediaVariants } from "@/lib/media/media-url";

export interface PublicImage {
  src: string;
  alt: string;
  width: number;
  height: number;
  /** Empty when the image has no responsive copies. */
  webpSrcSet: string;
  jpegSrcSet: string;
  /** The widest stored copy (its storage key too), for link previews. */
  widest: { key: string; src: string; width: number; height: number };
}

export interface StoredImageFields {
  storageKey: string;
  width: number;
  height: number;
  altText: string;
  variants: unknown;
}

/** Select this on Media wherever a reader page shows the image. */
export const publicImageSelect = { storageKey: true, width: true, height: true, altText: true, variants: true } as const;

// The width a phone or a list column needs; larger screens pick from the srcset.
const FALLBACK_WIDTH = 960;

export function toPublicImage(media: StoredImageFields, fallbackAlt: string): PublicImage {
  const variants = readMediaVariants(media.variants);
  const alt = media.altText || fallbackAlt;
  const original = { key: media.storageKey, src: mediaUrl(media.storageKey), width: media.width, height: media.height };
  if (variants.length === 0) {
    return { src: original.src, alt, width: media.width, height: media.height, webpSrcSet: "", jpegSrcSet: "", widest: original };
  }
  const fallback = variants.filter((variant) => variant.width <= FALLBACK_WIDTH).at(-1) ?? variants[0]!;
  const widestVariant = variants.at(-1)!;
  const widest =
    widestVariant.width > media.width
      ? { key: widestVariant.jpegKey, src: mediaUrl(widestVariant.jpegKey), width: widestVariant.width, height: widestVariant.height }
      : original;
  const { webp, jpeg } = mediaSrcSets(variants);
  return { src: mediaUrl(fallback.jpegKey), alt, width: media.width, height: media.height, webpSrcSet: webp, jpegSrcSet: jpeg, widest };
}
