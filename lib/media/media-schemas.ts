// The inputs of the media library: upload fields, edits, and the list query.
import { z } from "zod";
import { mediaOriginSchema, originSourceSchema } from "@/lib/origins/origin-schemas";
import { safeText } from "@/lib/schemas/common";

export const MEDIA_TEXT_LIMITS = { alt: 300, caption: 300, credit: 100 } as const;

const alt = safeText({ max: MEDIA_TEXT_LIMITS.alt, maxMessage: `대체 텍스트는 ${MEDIA_TEXT_LIMITS.alt}자 이하로 입력하세요.` });
const caption = safeText({ max: MEDIA_TEXT_LIMITS.caption, maxMessage: `사진 설명은 ${MEDIA_TEXT_LIMITS.caption}자 이하로 입력하세요.` });
const credit = safeText({ max: MEDIA_TEXT_LIMITS.credit, maxMessage: `사진 출처는 ${MEDIA_TEXT_LIMITS.credit}자 이하로 입력하세요.` });

/**
 * The text fields sent with an upload (multipart); empty caption/credit are filled from the photo,
 * and an origin left unchosen ("") from an agency its credit names.
 */
export const mediaUploadFieldsSchema = z.object({
  alt: alt.default(""),
  caption: caption.default(""),
  credit: credit.default(""),
  origin: z.preprocess((value) => (value === "" ? undefined : value), mediaOriginSchema.optional()),
  originSource: originSourceSchema.default(""),
});

/** A library edit: only the fields sent change (origin null: not recorded). */
export const mediaUpdateSchema = z.object({
  alt: alt.optional(),
  caption: caption.optional(),
  credit: credit.optional(),
  origin: mediaOriginSchema.optional(),
  originSource: originSourceSchema.optional(),
});

export const mediaListQuerySchema = z.object({
  q: safeText({ max: 100, maxMessage: "검색어는 100자 이하로 입력하세요." }).default(""),
  cursor: z.string().regex(/^[a-z0-9]{1,40}$/i, "다음 쪽 표시가 올바르지 않습니다.").optional(),
});
