// The editable content of a story, as the editor, the server actions and the API send it.
import { z } from "zod";
import { articleBodySchema } from "@/lib/articles/body-schema";
import { intId, safeText, sensibleDate, stringId, versionSchema } from "@/lib/schemas/common";

export const articleContentSchema = z.object({
  headline: safeText({ min: 1, max: 200, minMessage: "제목을 입력하세요.", maxMessage: "제목은 200자 이하로 입력하세요." }),
  subHeadlines: z
    .array(safeText({ max: 120, maxMessage: "부제는 한 줄에 120자 이하로 입력하세요." }), { error: "부제는 글줄의 목록으로 보내세요." })
    .max(3, "부제는 3줄까지 쓸 수 있습니다.")
    .default([])
    .transform((lines) => lines.filter((line) => line.length > 0)),
  sectionId: intId("섹션이 올바르지 않습니다.").nullable().default(null),
  heroImageId: stringId.nullable().default(null),
  heroCaption: safeText({ max: 300, maxMessage: "사진 설명은 300자 이하로 입력하세요." }).default(""),
  heroCredit: safeText({ max: 100, maxMessage: "사진 출처는 100자 이하로 입력하세요." }).default(""),
  body: articleBodySchema.default({ type: "doc", content: [] }),
});
export type ArticleContentInput = z.input<typeof articleContentSchema>;

export const saveArticleSchema = articleContentSchema.extend({
  /** The version the editor started from; a save from an older version is refused, not merged. */
  version: versionSchema,
});
export type SaveArticleInput = z.input<typeof saveArticleSchema>;

export const returnArticleSchema = z.object({
  note: safeText({ min: 1, max: 2000, minMessage: "돌려보내는 이유를 적어 주세요.", maxMessage: "메모는 2,000자 이하로 적어 주세요." }),
});

export const approveArticleSchema = z.object({
  /** The working-copy version the editor reviewed: approving a newer, unseen version is refused. */
  version: versionSchema,
  /** Publish at this time (scheduled) instead of now. */
  publishAt: sensibleDate.nullable().default(null),
});
export type ApproveArticleInput = z.input<typeof approveArticleSchema>;

export const unpublishArticleSchema = z.object({
  reason: safeText({ min: 1, max: 2000, minMessage: "게재를 중단하는 이유를 적어 주세요." }),
});
