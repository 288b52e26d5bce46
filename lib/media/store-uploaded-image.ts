import "server-only";
// Storing an uploaded image: the one path for library photos and staff portraits alike. The
// bytes go through the image pipeline (type from the bytes, pixel limit, re-encoded responsive
// copies in JPEG and WebP, metadata stripped), the copies are stored under content-derived keys,
// and one Media row records them (`storageKey` is the widest JPEG).
import { assertCan } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import { invalid } from "@/lib/errors";
import { emitDomainEvent } from "@/lib/events/domain-events";
import { readEmbeddedCaptionCredit } from "@/lib/media/image-metadata";
import { encodeImageVariants, MAX_UPLOAD_BYTES, readableInput, STORY_IMAGE_WIDTHS, UPLOAD_TOO_LARGE_MESSAGE, type ImageSource } from "@/lib/media/image-pipeline";
import { mediaOutSelect, toMediaOut, type MediaOut } from "@/lib/media/media-output";
import type { MediaVariant } from "@/lib/media/media-url";
import { contentStorageKey, mediaStorage } from "@/lib/media/storage";
import { MEDIA_TEXT_LIMITS } from "@/lib/media/media-schemas";
import type { MediaOrigin } from "@/lib/generated/prisma/enums";
import { mediaOriginProblem, originForNewPhoto } from "@/lib/origins/media-origin";

/** Portraits are shown small: two copies are plenty. */
const PROFILE_PHOTO_WIDTHS = [200, 400] as const;
/** Portraits come through a newsroom form (a server action), whose bodies are bounded lower. */
const PROFILE_PHOTO_MAX_BYTES = 10 * 1024 * 1024;

export interface StoreImageOptions {
  widths?: readonly number[];
  /** A lower limit than the pipeline's 20 MB, with its own message. */
  maxBytes?: { bytes: number; message: string };
  altText?: string;
  caption?: string;
  credit?: string;
  /** Fill an empty caption or credit from the photo's own IPTC/EXIF fields, and an unchosen origin from an agency the credit names. */
  prefillFromMetadata?: boolean;
  /** What the uploader chose about where the photo comes from (lib/origins/media-origin.ts). */
  origin?: { origin?: MediaOrigin | null; originSource?: string };
}

/**
 * `upload`: a File from a form (a server action's body, already bounded by Next.js) or an upload
 * streamed to a temporary file (lib/media/upload-stream.ts), which is read from disk as needed.
 */
export async function storeUploadedImage(actor: StaffUser, upload: File | { path: string; size: number }, options: StoreImageOptions = {}): Promise<MediaOut> {
  assertCan(actor, "media.upload");
  // Checked before the bytes are read into memory.
  if (upload.size > MAX_UPLOAD_BYTES) throw invalid(UPLOAD_TOO_LARGE_MESSAGE);
  if (options.maxBytes && upload.size > options.maxBytes.bytes) throw invalid(options.maxBytes.message);
  const input: ImageSource = upload instanceof File ? Buffer.from(await upload.arrayBuffer()) : upload;
  const embedded = options.prefillFromMetadata ? await readEmbeddedCaptionCredit(readableInput(input)) : { caption: "", credit: "" };
  const credit = (options.credit || embedded.credit).slice(0, MEDIA_TEXT_LIMITS.credit);
  const origin = options.prefillFromMetadata || options.origin ? originForNewPhoto(options.origin ?? {}, credit) : { origin: null, originSource: "" };
  // Refused before any work on the pixels.
  const originIssue = mediaOriginProblem(origin.origin, origin.originSource);
  if (originIssue) throw invalid(originIssue, { field: "originSource" });
  const encoded = await encodeImageVariants(input, options.widths ?? STORY_IMAGE_WIDTHS);

  const variants: MediaVariant[] = [];
  for (const copy of encoded) {
    const jpegKey = contentStorageKey(copy.jpeg, "jpg");
    const webpKey = contentStorageKey(copy.webp, "webp");
    // Every copy is stored whole before the row that points at them is written; a store that
    // fails part-way leaves no row (and at worst unreferenced whole files, never a broken one).
    await mediaStorage.put(jpegKey, copy.jpeg, "image/jpeg");
    await mediaStorage.put(webpKey, copy.webp, "image/webp");
    variants.push({ width: copy.width, height: copy.height, jpegKey, webpKey });
  }
  const widest = variants.at(-1)!;
  const widestBytes = encoded.at(-1)!.jpeg.length;

  return db.$transaction(async (tx) => {
    // The same file uploaded again yields the same bytes and keys: the existing row is returned.
    const existing = await tx.media.findUnique({ where: { storageKey: widest.jpegKey }, select: mediaOutSelect });
    if (existing) return toMediaOut(existing);
    const media = await tx.media.create({
      data: {
        storageKey: widest.jpegKey,
        mimeType: "image/jpeg",
        byteSize: widestBytes,
        width: widest.width,
        height: widest.height,
        variants: variants.map((variant) => ({ ...variant })),
        altText: options.altText ?? "",
        caption: (options.caption || embedded.caption).slice(0, MEDIA_TEXT_LIMITS.caption),
        credit,
        ...origin,
        uploaderId: actor.id,
      },
      select: mediaOutSelect,
    });
    await emitDomainEvent(tx, { type: "media.uploaded", mediaId: media.id, actorId: actor.id, bytes: upload.size, variants: variants.length });
    return toMediaOut(media);
  });
}

/** A staff portrait: stored small, only when a file was chosen; returns its media id. */
export async function storeProfilePhoto(actor: StaffUser, file: File | undefined, name: string): Promise<string | undefined> {
  if (!file || file.size === 0) return undefined;
  const maxBytes = { bytes: PROFILE_PHOTO_MAX_BYTES, message: "프로필 사진은 10MB 이하만 올릴 수 있습니다." };
  return (await storeUploadedImage(actor, file, { widths: PROFILE_PHOTO_WIDTHS, maxBytes, altText: name })).id;
}
