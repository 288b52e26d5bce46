// The editable content of a story, as the editor, the server actions and the API send it.
import { z } from "zod";
import { articleBodySchema } from "@/lib/articles/body/body-schema";
import { correctionTypeSchema } from "@/lib/articles/workflow/desk-input-schema";
import { storedPollSurveySchema } from "@/lib/elections/poll-survey";
import { articleOriginSchema, originSourceSchema } from "@/lib/origins/origin-schemas";
import { pushTopicSchema } from "@/lib/push/push-topics";
import { DEFAULT_BREAKING_MINUTES, MAX_BREAKING_MINUTES, MIN_BREAKING_MINUTES, UPDATE_NOTE_MAX_LENGTH } from "@/lib/breaking/breaking-rules";
import { intId, PG_INT_MAX, safeText, sensibleDate, stringId, versionSchema } from "@/lib/schemas/common";

const MAX_TAGS = 10;
const MAX_TAG_LENGTH = 30;
const MAX_SUMMARY_LENGTH = 300;

/** A tag name: trimmed, inner runs of white space made one space, 1-30 characters. */
const tagNameSchema = safeText({ min: 1, max: MAX_TAG_LENGTH, minMessage: "빈 태그는 달 수 없습니다.", maxMessage: `태그는 ${MAX_TAG_LENGTH}자 이하로 입력하세요.` }).transform(
  (name) => name.replace(/\s+/gu, " "),
);

const tagNamesSchema = z
  .array(tagNameSchema, { error: "태그는 글자의 목록으로 보내세요." })
  .max(MAX_TAGS, `태그는 ${MAX_TAGS}개까지 달 수 있습니다.`)
  // The same tag twice (in any letter case) is kept once, where it first appeared.
  .transform((names) => names.filter((name, index) => names.findIndex((other) => other.toLowerCase() === name.toLowerCase()) === index));

// Each field once; the schemas below decide which are required and what an absent one means.
const fields = {
  headline: safeText({ min: 1, max: 200, minMessage: "제목을 입력하세요.", maxMessage: "제목은 200자 이하로 입력하세요." }),
  subHeadlines: z
    .array(safeText({ max: 120, maxMessage: "부제는 한 줄에 120자 이하로 입력하세요." }), { error: "부제는 글줄의 목록으로 보내세요." })
    .max(3, "부제는 3줄까지 쓸 수 있습니다.")
    .transform((lines) => lines.filter((line) => line.length > 0)),
  sectionId: intId("섹션이 올바르지 않습니다.").nullable(),
  summary: safeText({ max: MAX_SUMMARY_LENGTH, maxMessage: `요약은 ${MAX_SUMMARY_LENGTH}자 이하로 입력하세요.` }),
  tags: tagNamesSchema,
  heroImageId: stringId.nullable(),
  heroCaption: safeText({ max: 300, maxMessage: "사진 설명은 300자 이하로 입력하세요." }),
  heroCredit: safeText({ max: 100, maxMessage: "사진 출처는 100자 이하로 입력하세요." }),
  /** The main photo's alt text for this story; empty: the library's. */
  heroAlt: safeText({ max: 300, maxMessage: "대체 텍스트는 300자 이하로 입력하세요." }),
  body: articleBodySchema,
  /** An election poll story's particulars; null: not a poll story. */
  pollSurvey: storedPollSurveySchema.nullable(),
  /** 출처 유형: may stay empty while writing; required at submission. */
  origin: articleOriginSchema,
  originSource: originSourceSchema,
};

/** A new story: only the headline is required. */
export const articleContentSchema = z.object({
  headline: fields.headline,
  subHeadlines: fields.subHeadlines.default([]),
  sectionId: fields.sectionId.default(null),
  summary: fields.summary.default(""),
  tags: fields.tags.default([]),
  heroImageId: fields.heroImageId.default(null),
  heroCaption: fields.heroCaption.default(""),
  heroCredit: fields.heroCredit.default(""),
  heroAlt: fields.heroAlt.default(""),
  body: fields.body.default({ type: "doc", content: [] }),
  pollSurvey: fields.pollSurvey.default(null),
  origin: fields.origin.default(null),
  originSource: fields.originSource.default(""),
});

/** POST /api/v1/articles: a new story; `autosave` when the editor created it while the writer typed. */
export const createArticleSchema = articleContentSchema.extend({
  autosave: z.boolean({ error: "autosave는 true 또는 false여야 합니다." }).default(false),
});
type ArticleContent = z.output<typeof articleContentSchema>;

/**
 * A save of the working copy. Only the fields sent change: a client that does not know about a
 * field (tags, summary ...) can never blank it by leaving it out.
 */
export const saveArticleSchema = z.object({
  headline: fields.headline.optional(),
  subHeadlines: fields.subHeadlines.optional(),
  sectionId: fields.sectionId.optional(),
  summary: fields.summary.optional(),
  tags: fields.tags.optional(),
  heroImageId: fields.heroImageId.optional(),
  heroCaption: fields.heroCaption.optional(),
  heroCredit: fields.heroCredit.optional(),
  heroAlt: fields.heroAlt.optional(),
  body: fields.body.optional(),
  pollSurvey: fields.pollSurvey.optional(),
  origin: fields.origin.optional(),
  originSource: fields.originSource.optional(),
  /** The version the editor started from; a save from an older version is refused, not merged. */
  version: versionSchema,
  /** An automatic save while typing: it keeps at most one revision per few minutes per person. */
  autosave: z.boolean({ error: "autosave는 true 또는 false여야 합니다." }).default(false),
});
export type ContentPatch = Partial<ArticleContent>;

export const restoreRevisionSchema = z.object({
  /** The working-copy version the restorer was looking at. */
  version: versionSchema,
});

export const returnArticleSchema = z.object({
  note: safeText({ min: 1, max: 2000, minMessage: "돌려보내는 이유를 적어 주세요.", maxMessage: "메모는 2,000자 이하로 적어 주세요." }),
});

export const approveArticleSchema = z.object({
  /** The working-copy version the editor reviewed: approving a newer, unseen version is refused. */
  version: versionSchema,
  /** Publish at this time (scheduled) instead of now. */
  publishAt: sensibleDate.nullable().default(null),
  /** For a change to a story readers have seen: 수정 (silent, the default), 정정 or 반론. */
  correctionType: correctionTypeSchema.nullable().default(null),
  /** Shown to readers with a 정정 or 반론; required for those. */
  correctionNote: safeText({ max: 2000, maxMessage: "정정·반론 설명은 2,000자 이하로 적어 주세요." }).default(""),
  /** 속보: every public page shows a banner linking to the story for `breakingMinutes` (only when it goes live now). */
  breaking: z.boolean({ error: "breaking은 true 또는 false여야 합니다." }).default(false),
  /** How long the banner runs; read only with `breaking`. */
  breakingMinutes: z
    .number({ error: "속보 배너 시간은 분 단위 숫자로 보내세요." })
    .int("속보 배너 시간은 분 단위 정수로 보내세요.")
    .min(MIN_BREAKING_MINUTES, `속보 배너는 ${MIN_BREAKING_MINUTES}분 이상 띄웁니다.`)
    .max(MAX_BREAKING_MINUTES, `속보 배너는 ${MAX_BREAKING_MINUTES / 60}시간까지 띄울 수 있습니다.`)
    .default(DEFAULT_BREAKING_MINUTES),
  /**
   * The update log's one-line note ("2보: 사망자 3명으로 늘어", "종합"), shown with its time at the
   * top of a breaking story. Empty: "속보" for the first entry, then "1보", "2보" ...
   */
  updateNote: safeText({ max: UPDATE_NOTE_MAX_LENGTH, maxMessage: `업데이트 설명은 한 줄, ${UPDATE_NOTE_MAX_LENGTH}자 이하로 적어 주세요.` })
    .refine((note) => !/[\r\n]/.test(note), "업데이트 설명은 한 줄로 적어 주세요.")
    .default(""),
  /**
   * Web Push: the topics (속보, the story's section, its reporters) whose readers are notified when
   * the story is public (a scheduled story at its time). Nothing is pushed without them; a topic
   * chosen for the story before is not pushed again (lib/push/story-push.ts).
   */
  pushTopics: z.array(pushTopicSchema, { error: "알림 주제는 목록으로 보내세요." }).max(10, "알림 주제는 10개까지 고를 수 있습니다.").default([]),
});

export const unpublishArticleSchema = z.object({
  reason: safeText({ min: 1, max: 2000, minMessage: "게재를 중단하는 이유를 적어 주세요." }),
});

/** A state of a story to compare: a revision number, the working copy, or the live revision. */
export type SnapshotRef = number | "current" | "live";

const snapshotRefSchema = z
  .string({ error: "비교할 판을 고르세요." })
  .regex(/^(\d{1,10}|current|live)$/, "비교할 판은 번호, current(지금 원고) 또는 live(독자가 보는 판)로 적으세요.")
  .transform((value, ctx): SnapshotRef => {
    if (value === "current" || value === "live") return value;
    const number = Number(value);
    if (number < 1 || number > PG_INT_MAX) {
      ctx.addIssue({ code: "custom", message: "판 번호가 올바르지 않습니다." });
      return z.NEVER;
    }
    return number;
  });

export const diffQuerySchema = z.object({ from: snapshotRefSchema, to: snapshotRefSchema.default("current") });

export const tagSearchQuerySchema = z.object({
  q: safeText({ max: 30, maxMessage: "검색어는 30자 이하로 입력하세요." }).default(""),
});

export const presenceInputSchema = z.object({
  /** Take the story from whoever holds it (desk only). */
  takeOver: z.boolean({ error: "takeOver는 true 또는 false여야 합니다." }).default(false),
  /** The first heartbeat of a freshly opened editor: ends an earlier takeover notice for this person. */
  opening: z.boolean({ error: "opening은 true 또는 false여야 합니다." }).default(false),
});
