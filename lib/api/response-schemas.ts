// What each /api/v1 route answers, as zod schemas, for the OpenAPI document (lib/api/openapi.ts).
// Each schema is tied to the TypeScript type the output function returns by a compile-time
// check at the bottom of this file: change a response shape without changing its schema here and
// `tsc` fails, so the document cannot drift from the code.
import { z } from "zod";
// Type-only imports: erased at compile time, so no server module is loaded by this file.
import type { HistoryEntryOut } from "@/lib/articles/revisions/article-history";
import type { ArticleOut, ArticleSummaryOut } from "@/lib/articles/article-output";
import type { PresenceOut } from "@/lib/articles/editor/presence";
import type { ArticleDiffOut, RevisionOut, RevisionSummaryOut } from "@/lib/articles/revisions/revision-history";
import type { TagOut } from "@/lib/articles/tags";
import type { TransitionVerdict } from "@/lib/articles/workflow/transition-rules";
import type { MediaOut } from "@/lib/media/media-output";
import type { ReactionChange } from "@/lib/reactions/article-reactions";
import type { ReactionCountsOut } from "@/lib/reactions/reaction-counts";
import { REACTION_KINDS } from "@/lib/reactions/reaction-kinds";
import type { ClaimReceiptOut } from "@/lib/claims/receive-claim";
import type { SectionOut } from "@/lib/sections/newsroom-sections";
import { articleBodySchema } from "@/lib/articles/body/body-schema";
import { storedPollSurveySchema } from "@/lib/elections/poll-survey";
import { ArticleOrigin, ArticleStatus, CorrectionType, MediaOrigin, RevisionKind, Role, TransitionKind } from "@/lib/generated/prisma/enums";

const time = z.iso.datetime({ offset: true });
const status = z.enum(ArticleStatus);
const person = z.object({ id: z.string(), name: z.string(), title: z.string() });
const articleOrigin = z.enum(ArticleOrigin).nullable().meta({ description: "출처 유형; null until chosen (required at submission)" });
const originSource = z.string().meta({ description: "The agency (WIRE), issuer (PRESS_RELEASE) or provider (EXTERNAL); empty otherwise" });
const pollSurvey = storedPollSurveySchema.nullable().meta({ description: "An election poll story's particulars (선거여론조사기준 제18조); null: not a poll story" });
const sectionRef = z.object({ id: z.number().int(), name: z.string(), slug: z.string() });

export const errorOutSchema = z.object({
  error: z.looseObject({ code: z.string().meta({ description: "VALIDATION, FORBIDDEN, NOT_FOUND, CONFLICT, UNAUTHENTICATED ..." }), message: z.string().meta({ description: "Korean, for people" }) }),
});

const mediaOutSchema = z.object({
  id: z.string(),
  url: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  alt: z.string(),
  caption: z.string(),
  credit: z.string(),
  origin: z.enum(MediaOrigin).nullable().meta({ description: "Where the photo comes from (OWN 자체, WIRE 통신, HANDOUT 제공, EXTERNAL 외부); null: not recorded" }),
  originSource: z.string().meta({ description: "The agency (WIRE), who handed it out (HANDOUT) or the provider (EXTERNAL); empty otherwise" }),
  createdAt: time,
  uploader: z.object({ id: z.string(), name: z.string() }).nullable(),
  variants: z.array(z.object({ width: z.number().int(), height: z.number().int(), jpeg: z.string(), webp: z.string() })),
});

const articleOutSchema = z.object({
  id: z.number().int(),
  status,
  version: z.number().int(),
  slug: z.string(),
  headline: z.string(),
  subHeadlines: z.array(z.string()),
  sectionId: z.number().int().nullable(),
  section: sectionRef.nullable(),
  summary: z.string(),
  tags: z.array(z.string()),
  heroImageId: z.string().nullable(),
  hero: mediaOutSchema.nullable(),
  heroCaption: z.string(),
  heroCredit: z.string(),
  origin: articleOrigin,
  originSource,
  heroAlt: z.string(),
  body: articleBodySchema,
  pollSurvey,
  deskNote: z.string().nullable(),
  hasPendingUpdate: z.boolean(),
  author: person,
  createdAt: time,
  updatedAt: time,
  submittedAt: time.nullable(),
  approvedAt: time.nullable(),
  publishedAt: time.nullable(),
  breakingUntil: time.nullable().meta({ description: "속보: when the breaking banner ends (in the past once it is down); null if it never ran" }),
  url: z.string().nullable().meta({ description: "The public address while readers can see the story, else null" }),
});

const articleSummaryOutSchema = z.object({
  id: z.number().int(),
  status,
  version: z.number().int(),
  headline: z.string(),
  subHeadlines: z.array(z.string()),
  sectionId: z.number().int().nullable(),
  section: sectionRef.nullable(),
  author: person,
  hasPendingUpdate: z.boolean(),
  deskNote: z.string().nullable(),
  createdAt: time,
  updatedAt: time,
  submittedAt: time.nullable(),
  approvedAt: time.nullable(),
  publishedAt: time.nullable(),
  unpublishedAt: time.nullable(),
  url: z.string().nullable(),
});

const transitionAction = z.enum(["submit", "withdraw", "return", "approve", "schedule", "reschedule", "cancelSchedule", "approveUpdate", "unpublish", "republish"]);
const transitionVerdictSchema = z.discriminatedUnion("allowed", [
  z.object({ action: transitionAction, label: z.string(), allowed: z.literal(true) }),
  z.object({ action: transitionAction, label: z.string(), allowed: z.literal(false), refusal: z.enum(["FORBIDDEN", "CONFLICT"]), reason: z.string() }),
]);

const revisionMeta = {
  number: z.number().int(),
  kind: z.enum(RevisionKind),
  articleVersion: z.number().int(),
  createdAt: time,
  createdBy: z.object({ id: z.string(), name: z.string() }),
  note: z.string().nullable(),
};
const revisionSummaryOutSchema = z.object(revisionMeta);
const revisionOutSchema = z.object({
  ...revisionMeta,
  headline: z.string(),
  subHeadlines: z.array(z.string()),
  sectionId: z.number().int().nullable(),
  summary: z.string(),
  tags: z.array(z.string()),
  heroImageId: z.string().nullable(),
  heroCaption: z.string(),
  heroCredit: z.string(),
  origin: articleOrigin,
  originSource,
  heroAlt: z.string(),
  pollSurvey,
  body: articleBodySchema,
});

const snapshotRef = z.union([z.number().int(), z.literal("current"), z.literal("live")]);
const diffOutSchema = z.object({
  from: snapshotRef,
  to: snapshotRef,
  fields: z.array(
    z.object({
      field: z.enum(["headline", "subHeadlines", "summary", "section", "tags", "origin", "pollSurvey", "hero", "heroCaption", "heroCredit", "heroAlt", "body"]),
      label: z.string(),
      changed: z.boolean(),
      segments: z.array(z.object({ kind: z.enum(["same", "added", "removed"]), text: z.string() })),
    }),
  ),
});

const historyBase = { at: time, by: person, byDesk: z.boolean(), note: z.string().nullable(), label: z.string() };
const historyEntrySchema = z.discriminatedUnion("type", [
  z.object({
    ...historyBase,
    type: z.literal("transition"),
    kind: z.enum(TransitionKind),
    fromStatus: status,
    toStatus: status,
    publishAt: time.nullable(),
    correctionType: z.enum(CorrectionType).nullable(),
    revisionNumber: z.number().int().nullable(),
  }),
  z.object({ ...historyBase, type: z.literal("revision"), kind: z.enum(RevisionKind), revisionNumber: z.number().int() }),
]);

const presenceOutSchema = z.object({
  holder: person.nullable(),
  mine: z.boolean(),
  takenOverBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  expiresAt: time.nullable(),
});

const tagOutSchema = z.object({ id: z.number().int(), name: z.string(), slug: z.string() });
const sectionOutSchema = sectionRef;

const ownProfileSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(Role),
  title: z.string(),
  bylineEmail: z.string().nullable(),
  bio: z.string(),
  photo: z.object({ storageKey: z.string() }).nullable().optional(),
});

const reactionKind = z.enum(REACTION_KINDS);
const reactionCountsSchema = z.object({
  articleId: z.number().int(),
  counts: z.object({ LIKE: z.number().int(), WARM: z.number().int(), SAD: z.number().int(), ANGRY: z.number().int(), FOLLOW_UP: z.number().int() }),
  total: z.number().int(),
});
const reactionChangeSchema = z.object({
  articleId: z.number().int(),
  kind: reactionKind.nullable().meta({ description: "The reader's reaction now; null once withdrawn" }),
  previous: reactionKind.nullable().meta({ description: "What it was before this request" }),
});
const claimReceiptOutSchema = z.object({
  receiptNumber: z.string().meta({ description: "접수번호, e.g. 2026-000042" }),
  statusUrl: z.string().meta({ description: "The claimant's private status page (its token is the only key: keep it)" }),
  replyDueAt: time,
});

// The bodies the routes send, wrapping the shapes above.
const articleEnvelope = z.object({ article: articleOutSchema });
export const responses = {
  profile: z.object({ user: ownProfileSchema }),
  articleList: z.object({ articles: z.array(articleSummaryOutSchema), nextCursor: z.string().nullable() }),
  article: articleEnvelope,
  articleWithTransitions: z.object({ article: articleOutSchema, availableTransitions: z.array(transitionVerdictSchema) }),
  revisions: z.object({ revisions: z.array(revisionSummaryOutSchema) }),
  revision: z.object({ revision: revisionOutSchema }),
  diff: z.object({ diff: diffOutSchema }),
  history: z.object({ history: z.array(historyEntrySchema) }),
  presence: z.object({ presence: presenceOutSchema }),
  ok: z.object({ ok: z.literal(true) }),
  mediaList: z.object({ media: z.array(mediaOutSchema), nextCursor: z.string().nullable() }),
  media: z.object({ media: mediaOutSchema }),
  tags: z.object({ tags: z.array(tagOutSchema) }),
  sections: z.object({ sections: z.array(sectionOutSchema) }),
  // Reader comments (lib/comments/): described by their main fields.
  commentList: z.looseObject({ comments: z.array(z.looseObject({ id: z.number().int(), body: z.string() })), count: z.number().int(), nextCursor: z.string().nullable() }),
  commentPosted: z.looseObject({ comment: z.looseObject({ id: z.number().int(), status: z.string() }), message: z.string() }),
  commentAction: z.looseObject({}),
  reactionCounts: reactionCountsSchema,
  reactionChange: reactionChangeSchema,
  // The rights desk's public form (lib/claims/).
  claimReceived: z.object({ claim: claimReceiptOutSchema, message: z.string() }),
  openApi: z.looseObject({ openapi: z.string(), info: z.object({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.looseObject({})) }),
};

// ---- the compile-time tie between each schema and the type its output function returns
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
function sameShape<T extends true>(): T | undefined {
  return undefined;
}
sameShape<Same<z.output<typeof articleOutSchema>, ArticleOut>>();
sameShape<Same<z.output<typeof articleSummaryOutSchema>, ArticleSummaryOut>>();
sameShape<Same<z.output<typeof mediaOutSchema>, MediaOut>>();
sameShape<Same<z.output<typeof transitionVerdictSchema>, TransitionVerdict>>();
sameShape<Same<z.output<typeof revisionSummaryOutSchema>, RevisionSummaryOut>>();
sameShape<Same<z.output<typeof revisionOutSchema>, RevisionOut>>();
sameShape<Same<z.output<typeof diffOutSchema>, ArticleDiffOut>>();
sameShape<Same<z.output<typeof historyEntrySchema>, HistoryEntryOut>>();
sameShape<Same<z.output<typeof presenceOutSchema>, PresenceOut>>();
sameShape<Same<z.output<typeof tagOutSchema>, TagOut>>();
sameShape<Same<z.output<typeof sectionOutSchema>, SectionOut>>();
sameShape<Same<z.output<typeof reactionCountsSchema>, ReactionCountsOut>>();
sameShape<Same<z.output<typeof reactionChangeSchema>, ReactionChange>>();
sameShape<Same<z.output<typeof claimReceiptOutSchema>, ClaimReceiptOut>>();
