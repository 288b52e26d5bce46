// One schema per reader input to the comment API. Shared with the browser (no Node-only APIs).
import { z } from "zod";
import { COMMENT_MAX_LENGTH, countGraphemes, fitsGraphemes, normalizeCommentBody, cleanCommentText, STUFFING_MESSAGES, stuffingProblem } from "@/lib/comments/comment-text";
import { isStorableText, safeText } from "@/lib/schemas/common";
import { COMMENT_PASSWORD_MAX, COMMENT_PASSWORD_MIN, COMMENT_SORTS, NICKNAME_MAX, NICKNAME_MIN, REPORT_REASONS, type ReportReason } from "@/lib/comments/comment-limits";

export { REPORT_REASONS, type CommentSort, type ReportReason } from "@/lib/comments/comment-limits";


const LENGTH_RULE_MESSAGE = `띄어쓰기를 포함하여 ${COMMENT_MAX_LENGTH}자 이내로 써주세요.`;

// Letters of any script, digits, spaces and a few marks; no emoji or symbols that make a nickname
// look like a notice ("[관리자]") or an empty space. Names that pass for the paper or its staff
// are refused by the post itself (lib/comments/staff-nickname-check.ts: it needs the staff list).
const NICKNAME_CHARS = /^[\p{L}\p{N}][\p{L}\p{M}\p{N} ._-]*$/u;

export const nicknameSchema = safeText({ max: 80, maxMessage: `닉네임은 ${NICKNAME_MAX}자 이내로 써주세요.` })
  .transform((value) => cleanCommentText(value).replace(/ {2,}/g, " ").trim())
  .superRefine((value, ctx) => {
    const length = countGraphemes(value);
    if (length < NICKNAME_MIN || length > NICKNAME_MAX) ctx.addIssue({ code: "custom", message: `닉네임은 ${NICKNAME_MIN}~${NICKNAME_MAX}자로 써주세요.` });
    else if (!NICKNAME_CHARS.test(value)) ctx.addIssue({ code: "custom", message: "닉네임에는 글자, 숫자, 띄어쓰기와 . _ - 만 쓸 수 있습니다." });
    else {
      // Letters with at most 4 marks each: 5 code points a character.
      const problem = stuffingProblem(value, NICKNAME_MAX * 5);
      if (problem) ctx.addIssue({ code: "custom", message: `닉네임: ${STUFFING_MESSAGES[problem]}` });
    }
  });

/** The guest's password: kept as typed (no trimming: it is a secret), only hashed. */
const commentPasswordSchema = z
  .string({ error: "비밀번호를 입력하세요." })
  .min(COMMENT_PASSWORD_MIN, `비밀번호는 ${COMMENT_PASSWORD_MIN}자 이상 써주세요.`)
  .max(COMMENT_PASSWORD_MAX, `비밀번호는 ${COMMENT_PASSWORD_MAX}자 이하로 써주세요.`)
  .refine((value) => isStorableText(value) && value.trim().length > 0, "비밀번호에 쓸 수 없는 문자가 있습니다.");

export const commentBodySchema = safeText({ max: 4000, maxMessage: LENGTH_RULE_MESSAGE })
  .transform(normalizeCommentBody)
  .superRefine((value, ctx) => {
    if (!value) ctx.addIssue({ code: "custom", message: "댓글 내용을 입력하세요." });
    else if (!fitsGraphemes(value, COMMENT_MAX_LENGTH)) ctx.addIssue({ code: "custom", message: `${LENGTH_RULE_MESSAGE} (지금 ${countGraphemes(value)}자)` });
    else {
      const problem = stuffingProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: STUFFING_MESSAGES[problem] });
    }
  });

export const postCommentSchema = z.object(
  {
    nickname: nicknameSchema,
    password: commentPasswordSchema,
    body: commentBodySchema,
  },
  { error: "닉네임, 비밀번호, 댓글 내용을 보내주세요." },
);


export const reportCommentSchema = z.object(
  {
    reason: z.enum(Object.keys(REPORT_REASONS) as [ReportReason, ...ReportReason[]], { error: "신고 사유를 고르세요." }),
    detail: safeText({ max: 100, maxMessage: "신고 내용은 100자 이내로 써주세요." }).optional(),
  },
  { error: "신고 사유를 보내주세요." },
);

export const deleteCommentSchema = z.object({ password: commentPasswordSchema }, { error: "비밀번호를 보내주세요." });


/** The list's query string: sort, cursor (from the previous page), page size. */
export const listCommentsQuerySchema = z.object({
  sort: z.enum(COMMENT_SORTS, { error: "정렬은 latest 또는 likes입니다." }).default("latest"),
  cursor: z
    .string()
    .regex(/^\d{1,15}\.\d{1,10}$/, "다음 쪽 표시(cursor)가 올바르지 않습니다.")
    .optional(),
  limit: z.coerce.number({ error: "limit은 숫자입니다." }).int("limit은 정수입니다.").min(1, "limit은 1 이상입니다.").max(50, "limit은 50 이하입니다.").default(20),
});
