// One schema per input of the rights desk: the public claim form (its text fields, as the multipart
// body carries them), the claimant's supplement, and each desk decision.
import { josa } from "es-hangul";
import { z } from "zod";
import { CLAIM_KINDS, CLAIM_RELATIONS, CLAIM_TEXT_LIMITS as LIMIT, MEDIATION_OUTCOMES, REJECTION_GROUNDS } from "@/lib/claims/claim-kinds";
import { PG_INT_MAX, safeText } from "@/lib/schemas/common";
import "@/lib/schemas/korean-messages";

const keysOf = <T extends object>(table: T) => Object.keys(table) as [keyof T & string, ...(keyof T & string)[]];

/** An id from a form field: empty means "not given". */
const optionalFormId = (message: string) =>
  z
    .union([z.string().max(20), z.number()], { error: message })
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === "") return undefined;
      const id = typeof value === "number" ? value : /^\d{1,10}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
      if (!Number.isSafeInteger(id) || id < 1 || id > PG_INT_MAX) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return id;
    });

const optionalText = (max: number, label: string) => safeText({ max, maxMessage: `${josa(label, "은/는")} ${max}자 이내로 쓰세요.` }).optional().transform((value) => value || undefined);

const requiredText = (max: number, missing: string, label: string) => safeText({ min: 1, max, minMessage: missing, maxMessage: `${josa(label, "은/는")} ${max}자 이내로 쓰세요.` });

const email = optionalText(LIMIT.email, "이메일").pipe(z.email({ error: "이메일 주소를 올바르게 쓰세요." }).optional());
const phone = optionalText(LIMIT.phone, "전화번호").refine((value) => value === undefined || /^[0-9+()\- ]{7,30}$/.test(value), "전화번호는 숫자와 - 로 쓰세요.");

/** The claim form's text fields (files are checked apart: lib/claims/claim-attachments.ts). */
export const submitClaimSchema = z
  .object({
    kind: z.enum(CLAIM_KINDS, { error: "청구 종류를 고르세요." }),
    articleId: optionalFormId("기사 번호가 올바르지 않습니다."),
    commentId: optionalFormId("댓글 번호가 올바르지 않습니다."),
    storyReference: optionalText(LIMIT.storyReference, "기사 제목이나 주소"),
    name: requiredText(LIMIT.name, "이름(기관·단체는 그 이름과 대표자)을 쓰세요.", "이름"),
    email,
    phone,
    address: optionalText(LIMIT.address, "주소"),
    relation: z.enum(keysOf(CLAIM_RELATIONS), { error: "보도와의 관계를 고르세요." }),
    relationDetail: optionalText(LIMIT.relationDetail, "관계 설명"),
    disputedPassage: requiredText(LIMIT.disputedPassage, "문제가 된 보도 내용(구절)을 쓰세요.", "문제가 된 보도 내용"),
    requestedText: requiredText(LIMIT.requestedText, "요청하는 보도문이나 조치를 쓰세요.", "요청 내용"),
    reason: requiredText(LIMIT.reason, "청구하는 이유를 쓰세요.", "청구 이유"),
    consent: z.literal(["yes", "on", "true"], { error: "개인정보 수집·이용에 동의해야 접수할 수 있습니다." }),
  })
  .superRefine((claim, ctx) => {
    if (!claim.email && !claim.phone) ctx.addIssue({ code: "custom", path: ["email"], message: "답을 받을 이메일이나 전화번호 가운데 하나는 쓰세요." });
    if (!claim.articleId && !claim.commentId && !claim.storyReference) ctx.addIssue({ code: "custom", path: ["storyReference"], message: "어느 기사인지 제목이나 주소를 쓰세요." });
    // 언론중재법 covers the paper's reports; a reader's comment can only be taken down or blocked.
    if (claim.commentId && claim.kind !== "TAKEDOWN") ctx.addIssue({ code: "custom", path: ["kind"], message: "댓글에는 삭제·임시조치 요청만 할 수 있습니다." });
  });

export type SubmitClaimInput = z.output<typeof submitClaimSchema>;

/** The status page's one input: the claimant answers the desk's question. */
export const supplementClaimSchema = z.object({
  token: z.string({ error: "접수 확인 주소가 올바르지 않습니다." }).regex(/^[A-Za-z0-9_-]{43}$/, "접수 확인 주소가 올바르지 않습니다."),
  text: requiredText(LIMIT.supplement, "보완할 내용을 쓰세요.", "보완 내용"),
});

const deskMessage = (missing: string) => requiredText(2000, missing, "청구인에게 보낼 글");

export const acceptClaimSchema = z.object({ message: optionalText(2000, "청구인에게 보낼 글") });
export const rejectClaimSchema = z.object({
  grounds: z.array(z.enum(keysOf(REJECTION_GROUNDS), { error: "거부 사유를 고르세요." }), { error: "거부 사유를 고르세요." }).max(5),
  message: deskMessage("청구인에게 보낼 거부 이유를 쓰세요."),
});
export const requestInfoSchema = z.object({ message: deskMessage("청구인에게 물을 내용을 쓰세요.") });
export const mediateClaimSchema = z.object({
  caseNumber: requiredText(60, "언론중재위원회 사건번호를 쓰세요.", "사건번호"),
  message: optionalText(2000, "메모"),
});
export const mediationOutcomeSchema = z.object({
  outcome: z.enum(keysOf(MEDIATION_OUTCOMES), { error: "조정 결과를 고르세요." }),
  message: optionalText(2000, "메모"),
});
export const withdrawClaimSchema = z.object({ message: optionalText(2000, "메모") });
export const recordPublicationSchema = z.object({ note: requiredText(500, "어디에 게재했는지(기사 주소 등) 쓰세요.", "게재 기록") });
export const flagStorySchema = z.object({ label: z.boolean({ error: "표시 여부를 고르세요." }), commentsClosed: z.boolean({ error: "댓글 닫기 여부를 고르세요." }) });
