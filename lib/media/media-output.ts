import "server-only";
// The one shape a stored image has in API responses and newsroom pages (MediaOut), built from a
// row selected with `mediaOutSelect`, never the table row itself.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MediaOrigin } from "@/lib/generated/prisma/enums";
import { mediaUrl, readMediaVariants } from "@/lib/media/media-url";

export const mediaOutSelect = {
  id: true,
  storageKey: true,
  width: true,
  height: true,
  altText: true,
  caption: true,
  credit: true,
  origin: true,
  originSource: true,
  variants: true,
  createdAt: true,
  uploader: { select: { id: true, name: true } },
} as const satisfies Prisma.MediaSelect;

export type MediaRow = Prisma.MediaGetPayload<{ select: typeof mediaOutSelect }>;

export interface MediaOut {
  id: string;
  /** The widest JPEG copy. */
  url: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  /** Where the photo comes from (null: not recorded) and its agency, giver or provider. */
  origin: MediaOrigin | null;
  originSource: string;
  createdAt: string;
  uploader: { id: string; name: string } | null;
  /** Narrowest first; empty for images stored before responsive copies existed. */
  variants: { width: number; height: number; jpeg: string; webp: string }[];
}

export function toMediaOut(row: MediaRow): MediaOut {
  return {
    id: row.id,
    url: mediaUrl(row.storageKey),
    width: row.width,
    height: row.height,
    alt: row.altText,
    caption: row.caption,
    credit: row.credit,
    origin: row.origin,
    originSource: row.originSource,
    createdAt: row.createdAt.toISOString(),
    uploader: row.uploader ? { id: row.uploader.id, name: row.uploader.name } : null,
    variants: readMediaVariants(row.variants).map((variant) => ({
      width: variant.width,
      height: variant.height,
      jpeg: mediaUrl(variant.jpegKey),
      webp: mediaUrl(variant.webpKey),
    })),
  };
}
