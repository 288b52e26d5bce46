import "server-only";
// Accepts an uploaded image only after reading its real type from the bytes, then re-encodes it
// (dropping metadata and anything hidden in the file) before storing. SVG and everything that is
// not a bitmap image are refused: a stored file can never be served as HTML or script.
import sharp from "sharp";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import { invalid } from "@/lib/errors";
import { contentStorageKey, mediaStorage } from "@/lib/media/storage";

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp", "gif"]);

export async function storeUploadedImage(actor: StaffUser, file: File, options: { maxWidth: number; altText?: string; caption?: string; credit?: string }) {
  assertCan(actor, "media.upload");
  if (file.size === 0) throw invalid("빈 파일입니다.");
  if (file.size > MAX_UPLOAD_BYTES) throw invalid("이미지는 10MB 이하만 올릴 수 있습니다.");
  const input = Buffer.from(await file.arrayBuffer());
  const format = await sharp(input).metadata().then((meta) => meta.format, () => undefined);
  if (!format || !ACCEPTED_FORMATS.has(format)) throw invalid("JPEG, PNG, WebP, GIF 이미지만 올릴 수 있습니다.");

  const { data, info } = await sharp(input, { animated: false })
    .rotate()
    .resize({ width: options.maxWidth, withoutEnlargement: true })
    .jpeg({ quality: 82, mozjpeg: true })
    .toBuffer({ resolveWithObject: true });
  const storageKey = contentStorageKey(data, "jpg");
  await mediaStorage.put(storageKey, data);
  const media = await db.media.upsert({
    where: { storageKey },
    update: {},
    create: {
      storageKey,
      mimeType: "image/jpeg",
      byteSize: data.length,
      width: info.width,
      height: info.height,
      altText: options.altText ?? "",
      caption: options.caption ?? "",
      credit: options.credit ?? "",
      uploaderId: actor.id,
    },
  });
  await recordAudit({ actorId: actor.id, action: "media.upload", targetType: "Media", targetId: media.id, detail: { bytes: data.length } });
  return media;
}

/** A staff portrait: stored small, only when a file was chosen; returns its media id. */
export async function storeProfilePhoto(actor: StaffUser, file: File | undefined, name: string): Promise<string | undefined> {
  if (!file || file.size === 0) return undefined;
  return (await storeUploadedImage(actor, file, { maxWidth: 400, altText: name })).id;
}
