import "server-only";
// Link-preview images: 1200 x 630 (what KakaoTalk, Facebook, X and Naver show best; at least
// 1200 wide as they ask), cropped from the story's photo, or a plain card in the paper's colour
// for stories without one. Made on first request and kept in memory; the URL carries the photo's
// id, so a changed photo is a new URL and caches in front never serve the old one.
import sharp from "sharp";
import { mediaStorage } from "@/lib/media/storage";

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;
const MAX_KEPT = 64;

const kept = new Map<string, Buffer>();

function keep(key: string, bytes: Buffer): Buffer {
  kept.delete(key);
  kept.set(key, bytes);
  if (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value!);
  return bytes;
}

/** The path of a story's preview image, for og:image (made absolute by the caller). */
export function articleOgImagePath(articleId: number, heroMediaId: string | null): string {
  return `/og/articles/${articleId}.jpg?v=${heroMediaId ?? "card"}`;
}

export const SITE_OG_IMAGE_PATH = "/og/site.jpg";

/** A preview image cropped from the stored photo under `storageKey`, or null when it is gone. */
export async function ogImageFromStoredPhoto(storageKey: string): Promise<Buffer | null> {
  const cached = kept.get(storageKey);
  if (cached) return keep(storageKey, cached);
  const bytes = await mediaStorage.get(storageKey);
  if (!bytes) return null;
  const image = await sharp(bytes).resize(OG_WIDTH, OG_HEIGHT, { fit: "cover", position: "attention" }).jpeg({ quality: 82, mozjpeg: true }).toBuffer();
  return keep(storageKey, image);
}

// The site's mark (app/icon.svg) on the masthead's navy, with thin rules like a newspaper's.
const CARD_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}" viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}">
<rect width="100%" height="100%" fill="#10263d"/>
<rect x="60" y="60" width="1080" height="4" fill="#ffffff" opacity="0.85"/>
<rect x="60" y="566" width="1080" height="4" fill="#ffffff" opacity="0.85"/>
<g transform="translate(450 165) scale(9.375)"><rect width="32" height="32" rx="6" fill="#ffffff"/><path d="M9 23V9h3l8 9.5V9h3v14h-3l-8-9.5V23z" fill="#10263d"/></g>
</svg>`;

export async function siteOgCard(): Promise<Buffer> {
  const cached = kept.get("site-card");
  if (cached) return cached;
  return keep("site-card", await sharp(Buffer.from(CARD_SVG)).jpeg({ quality: 85 }).toBuffer());
}
