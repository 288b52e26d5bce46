// The origin fields of a story and of a photo as the API, the editor and the forms send them.
// A save takes any origin (or none): the submission check, not the save, asks for it, so an
// autosave never refuses a reporter's text over a field they have not reached yet.
import { z } from "zod";
import { ArticleOrigin, MediaOrigin } from "@/lib/generated/prisma/enums";
import { ORIGIN_SOURCE_MAX } from "@/lib/origins/story-origin";
import { safeText } from "@/lib/schemas/common";

export const articleOriginSchema = z.enum(ArticleOrigin, { error: "출처 유형은 자체 취재, 통신, 보도자료, 기고·칼럼, 외부 제공 가운데 고르세요." }).nullable();

export const mediaOriginSchema = z.enum(MediaOrigin, { error: "사진 출처 유형은 자체, 통신, 제공, 외부 가운데 고르세요." }).nullable();

/** The agency, issuer or provider. */
export const originSourceSchema = safeText({ max: ORIGIN_SOURCE_MAX, maxMessage: `출처(통신사·보도자료를 낸 곳·제공한 곳)는 ${ORIGIN_SOURCE_MAX}자 이하로 적으세요.` });
