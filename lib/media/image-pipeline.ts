import "server-only";
// The one image pipeline, for library photos and staff portraits alike. It trusts nothing about
// a file but its bytes: the type is read from them (JPEG, PNG, WebP, GIF; SVG, HTML and anything
// else refused), the pixel count is checked before decoding (a few KB can declare a picture that
// would fill the memory), and every stored copy is re-encoded by sharp, turned upright and
// stripped of all metadata, so nothing hidden in the upload survives.
import sharp from "sharp";
import { invalid } from "@/lib/errors";

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** 50 megapixels: more than any newsroom camera makes, far less than a decompression bomb. */
const MAX_INPUT_PIXELS = 50_000_000;
/** Responsive widths for photos in stories. */
export const STORY_IMAGE_WIDTHS = [480, 960, 1600] as const;

const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp", "gif"]);

export const UPLOAD_TOO_LARGE_MESSAGE = "이미지는 20MB 이하만 올릴 수 있습니다.";
const UNREADABLE_MESSAGE = "이미지 파일을 읽을 수 없습니다. JPEG, PNG, WebP, GIF 사진을 올리세요.";

/** An image to process: its bytes in memory, or a file on disk (an upload streamed there). */
export type ImageSource = Buffer | { path: string; size: number };

const sizeOf = (source: ImageSource) => (Buffer.isBuffer(source) ? source.length : source.size);
/** What sharp and exifr read: the buffer, or the file's path (read from disk as needed). */
export const readableInput = (source: ImageSource): Buffer | string => (Buffer.isBuffer(source) ? source : source.path);

export interface EncodedVariant {
  width: number;
  height: number;
  jpeg: Buffer;
  webp: Buffer;
}

/**
 * The widths to make for an image `width` pixels wide: each target narrower than it, plus the
 * image's own width capped at the widest target. Never enlarged; a small image gets one copy.
 */
export function variantWidths(width: number, targets: readonly number[]): number[] {
  const widest = Math.max(...targets);
  const widths = new Set(targets.filter((target) => target < width));
  widths.add(Math.min(width, widest));
  return [...widths].sort((a, b) => a - b);
}

const sharpOptions = { limitInputPixels: MAX_INPUT_PIXELS, animated: false, failOn: "error" } as const;

/** Refuses anything that is not an acceptable bitmap image; returns its upright size. */
async function inspect(source: ImageSource): Promise<{ width: number; height: number }> {
  if (sizeOf(source) === 0) throw invalid("빈 파일입니다.");
  if (sizeOf(source) > MAX_UPLOAD_BYTES) throw invalid(UPLOAD_TOO_LARGE_MESSAGE);
  // metadata() reads the header only; the pixel limit is checked here again explicitly, so a
  // bomb is refused before anything is decoded.
  const meta = await sharp(readableInput(source), { ...sharpOptions, limitInputPixels: false }).metadata().catch(() => undefined);
  if (!meta?.format || !ACCEPTED_FORMATS.has(meta.format)) throw invalid("JPEG, PNG, WebP, GIF 이미지만 올릴 수 있습니다. (SVG와 그 밖의 파일은 받지 않습니다.)");
  const width = meta.autoOrient?.width ?? meta.width;
  const height = meta.autoOrient?.height ?? meta.height;
  if (!width || !height) throw invalid(UNREADABLE_MESSAGE);
  if (width * height > MAX_INPUT_PIXELS) throw invalid("사진의 화소 수가 너무 많습니다 (5천만 화소 이하만 받습니다).");
  return { width, height };
}

/** Re-encodes the image at each width as JPEG and WebP, narrowest first. */
export async function encodeImageVariants(source: ImageSource, targets: readonly number[] = STORY_IMAGE_WIDTHS): Promise<EncodedVariant[]> {
  const { width } = await inspect(source);
  try {
    const upright = sharp(readableInput(source), sharpOptions).rotate();
    return await Promise.all(
      variantWidths(width, targets).map(async (target) => {
        const resized = upright.clone().resize({ width: target, withoutEnlargement: true });
        // JPEG has no transparency: a transparent PNG goes onto white, as on the page.
        const jpeg = await resized.clone().flatten({ background: "#ffffff" }).jpeg({ quality: 82, mozjpeg: true }).toBuffer({ resolveWithObject: true });
        const webp = await resized.clone().webp({ quality: 80 }).toBuffer();
        return { width: jpeg.info.width, height: jpeg.info.height, jpeg: jpeg.data, webp };
      }),
    );
  } catch (error) {
    // A header that reads well over a broken or fake body (an HTML page behind a PNG signature).
    console.warn("image pipeline: could not decode an upload", error instanceof Error ? error.message : error);
    throw invalid(UNREADABLE_MESSAGE);
  }
}
