// What the desk's own requests send: moving or cancelling a schedule, republishing, the queue's
// filters and the newsroom story list's query. Shared with the browser: no Node-only APIs.
import { z } from "zod";
import { ArticleStatus, CorrectionType } from "@/lib/generated/prisma/enums";
import { PG_INT_MAX, safeText, sensibleDate } from "@/lib/schemas/common";

export const correctionTypeSchema = z.enum(CorrectionType, { error: "정정 유형은 UPDATE(수정), CORRECTION(정정), REPLY(반론) 중 하나입니다." });

export const rescheduleArticleSchema = z.object({
  /** The new publication time (an ISO time with its offset; Korea time is +09:00). */
  publishAt: sensibleDate,
});

export const cancelScheduleSchema = z.object({
  note: safeText({ max: 2000, maxMessage: "메모는 2,000자 이하로 적어 주세요." }).default(""),
});

/** A reporter taking back a story before approval may say why; the desk sees it in the history. */
export const withdrawArticleSchema = z.object({
  note: safeText({ max: 2000, maxMessage: "회수 사유는 2,000자 이하로 적어 주세요." }).default(""),
});

export const republishArticleSchema = z.object({
  reason: safeText({ min: 1, max: 2000, minMessage: "다시 게재하는 이유를 적어 주세요.", maxMessage: "이유는 2,000자 이하로 적어 주세요." }),
});

/** An id from a query string ("12"), within PostgreSQL's integer range. */
const queryIntId = (message: string) =>
  z
    .string({ error: message })
    .regex(/^\d{1,10}$/, message)
    .transform(Number)
    .refine((value) => value >= 1 && value <= PG_INT_MAX, message);

const ARTICLE_LIST_MAX = 100;

/** GET /api/v1/articles: filters plus a cursor (the `nextCursor` of the previous page). */
export const articleListQuerySchema = z.object({
  status: z.enum(ArticleStatus, { error: "상태는 DRAFT, SUBMITTED, SCHEDULED, PUBLISHED, UNPUBLISHED 중 하나입니다." }).optional(),
  sectionId: queryIntId("섹션 번호가 올바르지 않습니다.").optional(),
  authorId: z.string().regex(/^[a-z0-9]{1,40}$/i, "기자 식별자가 올바르지 않습니다.").optional(),
  q: safeText({ max: 100, maxMessage: "검색어는 100자 이하로 입력하세요." }).optional(),
  cursor: queryIntId("cursor가 올바르지 않습니다. 앞 페이지의 nextCursor를 그대로 보내세요.").optional(),
  limit: z
    .string()
    .regex(/^\d{1,3}$/, `limit은 1부터 ${ARTICLE_LIST_MAX}까지입니다.`)
    .transform(Number)
    .refine((value) => value >= 1 && value <= ARTICLE_LIST_MAX, `limit은 1부터 ${ARTICLE_LIST_MAX}까지입니다.`)
    .optional(),
});

/** The desk queue's filters on /newsroom (from the page's query string). */
export const deskQueueFilterSchema = z.object({
  sectionId: queryIntId("섹션 번호가 올바르지 않습니다.").optional(),
  kind: z.enum(["submitted", "update"], { error: "종류가 올바르지 않습니다." }).optional(),
  authorId: z.string().regex(/^[a-z0-9]{1,40}$/i, "기자 식별자가 올바르지 않습니다.").optional(),
  q: safeText({ max: 100, maxMessage: "검색어는 100자 이하로 입력하세요." }).optional(),
});
export type DeskQueueFilter = z.output<typeof deskQueueFilterSchema>;
