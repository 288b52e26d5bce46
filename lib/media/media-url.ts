// Public URLs of stored images (served by app/media/[...key]/route.ts), shared by the server
// renderers and the editor: no Node-only APIs here.

/** The public URL of a stored file. */
export function mediaUrl(storageKey: string): string {
  return `/media/${storageKey}`;
}

/** One responsive copy of an uploaded image, as kept in `Media.variants`. */
export interface MediaVariant {
  width: number;
  height: number;
  jpegKey: string;
  webpKey: string;
}

/** Reads `Media.variants` (JSON) defensively: anything malformed is left out. */
export function readMediaVariants(raw: unknown): MediaVariant[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter(
      (item): item is MediaVariant =>
        typeof item === "object" &&
        item !== null &&
        Number.isInteger(Reflect.get(item, "width")) &&
        Number.isInteger(Reflect.get(item, "height")) &&
        typeof Reflect.get(item, "jpegKey") === "string" &&
        typeof Reflect.get(item, "webpKey") === "string",
    )
    .sort((a, b) => a.width - b.width);
}

/** `srcset` values for <picture>: WebP and JPEG, one entry per stored width; empty when none. */
export function mediaSrcSets(variants: MediaVariant[]): { webp: string; jpeg: string } {
  return {
    webp: variants.map((variant) => `${mediaUrl(variant.webpKey)} ${variant.width}w`).join(", "),
    jpeg: variants.map((variant) => `${mediaUrl(variant.jpegKey)} ${variant.width}w`).join(", "),
  };
}
