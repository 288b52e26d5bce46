// What the desk sends to block, restore or delete (one schema per input; forms and tests alike).
import { z } from "zod";
import { MAX_TAKEDOWN_DAYS, TAKEDOWN_REASONS } from "@/lib/takedowns/takedown-rules";
import { intId, safeText } from "@/lib/schemas/common";

/**
 * A claim's receipt number as the claims desk prints it (e.g. R-2026-0001): kept as a plain
 * reference, so a block can name the claim that asked for it without depending on that table.
 */
const claimReference = safeText({ max: 40, maxMessage: "접수번호는 40자 이하로 적어 주세요." })
  .refine((value) => /^[\p{L}\p{N}][\p{L}\p{N}._/-]*$/u.test(value) || value === "", "접수번호에는 글자, 숫자, -, _, /, . 만 쓸 수 있습니다.")
  .transform((value) => (value === "" ? null : value));

export const applyTakedownSchema = z
  .object({
    articleId: intId("기사 번호가 올바르지 않습니다.").optional(),
    commentId: intId("댓글 번호가 올바르지 않습니다.").optional(),
    reason: z.enum(TAKEDOWN_REASONS, { error: "임시조치 사유를 고르세요." }),
    days: z
      .number({ error: "기간(일)을 숫자로 적어 주세요." })
      .int("기간은 날 수(정수)로 적어 주세요.")
      .min(1, "기간은 1일 이상이어야 합니다.")
      .max(MAX_TAKEDOWN_DAYS, `임시조치 기간은 ${MAX_TAKEDOWN_DAYS}일을 넘을 수 없습니다 (정보통신망법 제44조의2 제4항).`),
    claimReference: claimReference.nullable().default(null),
    note: safeText({ max: 2000, maxMessage: "메모는 2,000자 이하로 적어 주세요." }).default(""),
  })
  .refine((input) => (input.articleId === undefined) !== (input.commentId === undefined), { message: "막을 기사나 댓글 하나를 고르세요.", path: ["articleId"] });

export const restoreTakedownSchema = z.object({
  takedownId: intId("임시조치 번호가 올바르지 않습니다."),
  note: safeText({ max: 2000, maxMessage: "메모는 2,000자 이하로 적어 주세요." }).default(""),
});

export const deleteTakedownTargetSchema = z.object({
  takedownId: intId("임시조치 번호가 올바르지 않습니다."),
  note: safeText({ min: 1, max: 2000, minMessage: "삭제하는 이유를 적어 주세요.", maxMessage: "이유는 2,000자 이하로 적어 주세요." }),
});
