// The editable content of a story, as the editor, the server actions and the API send it.
import { z } from "zod";
import { articleBodySchema } from "@/lib/articles/body-schema";

export const articleContentSchema = z.object({
  headline: z.string().trim().min(1, "제목을 입력하세요.").max(200, "제목은 200자 이하로 입력하세요."),
  subHeadlines: z
    .array(z.string().trim().max(120, "부제는 한 줄에 120자 이하로 입력하세요."))
    .max(3, "부제는 3줄까지 쓸 수 있습니다.")
    .default([])
    .transform((lines) => lines.filter((line) => line.length > 0)),
  sectionId: z.number().int().positive().nullable().default(null),
  heroImageId: z.string().min(1).max(40).nullable().default(null),
  heroCaption: z.string().trim().max(300, "사진 설명은 300자 이하로 입력하세요.").default(""),
  heroCredit: z.string().trim().max(100, "사진 출처는 100자 이하로 입력하세요.").default(""),
  body: articleBodySchema.default({ type: "doc", content: [] }),
});
export type ArticleContentInput = z.input<typeof articleContentSchema>;

export const saveArticleSchema = articleContentSchema.extend({
  /** The version the editor started from; a save from an older version is refused, not merged. */
  version: z.number().int().positive(),
});
export type SaveArticleInput = z.input<typeof saveArticleSchema>;

export const returnArticleSchema = z.object({
  note: z.string().trim().min(1, "돌려보내는 이유를 적어 주세요.").max(2000, "메모는 2,000자 이하로 적어 주세요."),
});

export const approveArticleSchema = z.object({
  /** The working-copy version the editor reviewed: approving a newer, unseen version is refused. */
  version: z.number().int().positive(),
  /** Publish at this time (scheduled) instead of now. */
  publishAt: z.coerce.date().nullable().default(null),
});
export type ApproveArticleInput = z.input<typeof approveArticleSchema>;

export const unpublishArticleSchema = z.object({
  reason: z.string().trim().min(1, "게재를 중단하는 이유를 적어 주세요.").max(2000),
});
