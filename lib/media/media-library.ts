import "server-only";
// The newsroom's shared media library: everyone who writes browses and reuses photos; the
// uploader or the desk edits their alt text, caption and credit.
import { assertCan } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import { invalid, notFound } from "@/lib/errors";
import { emitDomainEvent } from "@/lib/events/domain-events";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MediaOrigin } from "@/lib/generated/prisma/enums";
import { mediaOutSelect, toMediaOut, type MediaOut } from "@/lib/media/media-output";
import { mediaListQuerySchema, mediaUpdateSchema, mediaUploadFieldsSchema } from "@/lib/media/media-schemas";
import { MAX_UPLOAD_BYTES, UPLOAD_TOO_LARGE_MESSAGE } from "@/lib/media/image-pipeline";
import { storeUploadedImage } from "@/lib/media/store-uploaded-image";
import { receiveMultipartUpload } from "@/lib/media/upload-stream";
import { mediaOriginProblem, storedMediaOriginSource } from "@/lib/origins/media-origin";
import { parseInput } from "@/lib/validation";

export const MEDIA_PAGE_SIZE = 30;

/** The library, newest first, `MEDIA_PAGE_SIZE` at a time; `q` finds text in caption, credit, alt text or the uploader's name. */
export async function listMedia(actor: StaffUser, input: unknown): Promise<{ media: MediaOut[]; nextCursor: string | null }> {
  assertCan(actor, "media.read");
  const { q, cursor } = parseInput(mediaListQuerySchema, input);
  const contains = { contains: q, mode: "insensitive" as const };
  const where: Prisma.MediaWhereInput = q
    ? { OR: [{ caption: contains }, { credit: contains }, { altText: contains }, { uploader: { name: contains } }] }
    : {};
  const rows = await db.media.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MEDIA_PAGE_SIZE + 1,
    // A cursor that no longer exists (the photo was deleted) starts over rather than failing.
    ...(cursor && (await db.media.findUnique({ where: { id: cursor }, select: { id: true } })) ? { cursor: { id: cursor }, skip: 1 } : {}),
    select: mediaOutSelect,
  });
  const page = rows.slice(0, MEDIA_PAGE_SIZE);
  return { media: page.map(toMediaOut), nextCursor: rows.length > MEDIA_PAGE_SIZE ? (page.at(-1)?.id ?? null) : null };
}

export async function getMedia(actor: StaffUser, id: string): Promise<MediaOut> {
  assertCan(actor, "media.read");
  const media = await db.media.findUnique({ where: { id }, select: mediaOutSelect });
  if (!media) throw notFound("사진을 찾을 수 없습니다.");
  return toMediaOut(media);
}

/** Changes alt text, caption, credit or origin (only the fields sent): the uploader or the desk. */
export async function updateMedia(actor: StaffUser, id: string, input: unknown): Promise<MediaOut> {
  const { alt, caption, credit, origin, originSource } = parseInput(mediaUpdateSchema, input);
  const current = await db.media.findUnique({ where: { id }, select: { uploaderId: true, origin: true, originSource: true } });
  if (!current) throw notFound("사진을 찾을 수 없습니다.");
  // A photo whose uploader left (null) is the desk's to edit.
  assertCan(actor, "media.edit", { ownerId: current.uploaderId ?? "" });
  const originChange = origin !== undefined || originSource !== undefined ? originColumns(current, { origin, originSource }) : {};
  const changed = Object.entries({ alt, caption, credit, origin, originSource }).filter(([, value]) => value !== undefined).map(([field]) => field);
  return db.$transaction(async (tx) => {
    const media = await tx.media.update({
      where: { id },
      data: { ...(alt !== undefined ? { altText: alt } : {}), ...(caption !== undefined ? { caption } : {}), ...(credit !== undefined ? { credit } : {}), ...originChange },
      select: mediaOutSelect,
    });
    await emitDomainEvent(tx, { type: "media.updated", mediaId: id, actorId: actor.id, fields: changed });
    return toMediaOut(media);
  });
}

/** The origin columns after an edit: the fields sent over the stored ones, refused in Korean when a kind lacks its source. */
function originColumns(current: { origin: MediaOrigin | null; originSource: string }, sent: { origin?: MediaOrigin | null; originSource?: string }) {
  const origin = sent.origin !== undefined ? sent.origin : current.origin;
  // A new kind does not inherit the old kind's source (an agency is not who handed a photo out).
  const source = sent.originSource ?? (sent.origin !== undefined && sent.origin !== current.origin ? "" : current.originSource);
  const problem = mediaOriginProblem(origin, source);
  if (problem) throw invalid(problem, { field: "originSource" });
  return { origin, originSource: storedMediaOriginSource(origin, source) };
}

/**
 * An upload from the library or the editor (multipart: `file`, optional `alt`, `caption`,
 * `credit`, `origin`, `originSource`), read from the request as it arrives: the file goes to a
 * temporary file (never whole into memory) and is refused the moment it passes the 20 MB limit.
 */
export async function uploadLibraryImage(actor: StaffUser, request: Request): Promise<MediaOut> {
  assertCan(actor, "media.upload");
  const upload = await receiveMultipartUpload(request, { fileField: "file", maxFileBytes: MAX_UPLOAD_BYTES, tooLargeMessage: UPLOAD_TOO_LARGE_MESSAGE });
  try {
    if (!upload.file) throw invalid("올릴 사진 파일을 고르세요.", { field: "file" });
    const fields = parseInput(mediaUploadFieldsSchema, {
      alt: upload.fields.alt,
      caption: upload.fields.caption,
      credit: upload.fields.credit,
      origin: upload.fields.origin,
      originSource: upload.fields.originSource,
    });
    return await storeUploadedImage(actor, upload.file, {
      altText: fields.alt,
      caption: fields.caption,
      credit: fields.credit,
      origin: { origin: fields.origin, originSource: fields.originSource },
      prefillFromMetadata: true,
    });
  } finally {
    await upload.discard();
  }
}
