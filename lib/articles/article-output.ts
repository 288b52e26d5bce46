import "server-only";
// The one shape of a story's working copy in API responses (ArticleOut): the editor loads it,
// every save answers with it. Built only by `toArticleOut` from a row selected with
// `articleOutSelect`, so the public contract never follows the table by accident.
import { articlePath } from "@/lib/articles/public/article-url";
import { absoluteUrl } from "@/lib/config/site";
import type { ArticleBody } from "@/lib/articles/body/body-schema";
import { isPubliclyVisible } from "@/lib/articles/public/visibility";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ArticleOrigin, ArticleStatus } from "@/lib/generated/prisma/enums";
import { mediaOutSelect, toMediaOut, type MediaOut } from "@/lib/media/media-output";
import { storedPollSurvey } from "@/lib/elections/stored-poll-survey";
import type { PollSurvey } from "@/lib/elections/poll-survey";

export const articleOutSelect = {
  id: true,
  status: true,
  version: true,
  slug: true,
  headline: true,
  subHeadlines: true,
  sectionId: true,
  summary: true,
  heroImageId: true,
  heroCaption: true,
  heroCredit: true,
  origin: true,
  originSource: true,
  heroAlt: true,
  bodyJson: true,
  pollSurvey: true,
  deskNote: true,
  hasPendingUpdate: true,
  createdAt: true,
  updatedAt: true,
  submittedAt: true,
  approvedAt: true,
  publishedAt: true,
  breakingUntil: true,
  liveRevisionId: true,
  section: { select: { id: true, name: true, slug: true } },
  author: { select: { id: true, name: true, title: true } },
  heroImage: { select: mediaOutSelect },
  tags: { select: { tag: { select: { name: true } } }, orderBy: [{ sortOrder: "asc" }, { tagId: "asc" }] },
} as const satisfies Prisma.ArticleSelect;

export type ArticleOutRow = Prisma.ArticleGetPayload<{ select: typeof articleOutSelect }>;

/** A story's section as the newsroom API names it. */
interface SectionRefOut {
  id: number;
  name: string;
  slug: string;
}

/** A story's author (the byline's name and title). */
interface AuthorOut {
  id: string;
  name: string;
  title: string;
}

/**
 * The editable content of a story, as every API answer carrying it spells it: the working copy
 * (ArticleOut), a revision (RevisionOut in revision-history.ts) and, with the editor's own body
 * type, what the editor saves (EditorDraft in editor-types.ts).
 */
export interface ArticleContentOut {
  headline: string;
  subHeadlines: string[];
  sectionId: number | null;
  summary: string;
  tags: string[];
  heroImageId: string | null;
  heroCaption: string;
  heroCredit: string;
  /** 출처 유형 (null: not chosen yet; required at submission) and its agency, issuer or provider. */
  origin: ArticleOrigin | null;
  originSource: string;
  /** The main photo's alt text for this story; empty: the library's (hero.alt). */
  heroAlt: string;
  /** An election poll story's particulars (lib/elections/poll-survey.ts); null: not a poll story. */
  pollSurvey: PollSurvey | null;
  /** Tiptap JSON. */
  body: ArticleBody;
}

/** What a story's list entry (ArticleSummaryOut) and its whole working copy (ArticleOut) both carry. */
interface ArticleStateOut extends Pick<ArticleContentOut, "headline" | "subHeadlines" | "sectionId"> {
  id: number;
  status: ArticleStatus;
  version: number;
  section: SectionRefOut | null;
  author: AuthorOut;
  hasPendingUpdate: boolean;
  deskNote: string | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  approvedAt: string | null;
  publishedAt: string | null;
  /** The public address (absolute), only while readers can see the story. */
  url: string | null;
}

export interface ArticleOut extends ArticleStateOut, ArticleContentOut {
  slug: string;
  hero: MediaOut | null;
  /** 속보: the banner's end (ISO 8601); in the past once it is down; null if it never ran. */
  breakingUntil: string | null;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toArticleOut(row: ArticleOutRow, now = new Date()): ArticleOut {
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    slug: row.slug,
    headline: row.headline,
    subHeadlines: row.subHeadlines,
    sectionId: row.sectionId,
    section: row.section,
    summary: row.summary,
    tags: row.tags.map((link) => link.tag.name),
    heroImageId: row.heroImageId,
    hero: row.heroImage ? toMediaOut(row.heroImage) : null,
    heroCaption: row.heroCaption,
    heroCredit: row.heroCredit,
    origin: row.origin,
    originSource: row.originSource,
    heroAlt: row.heroAlt,
    // Stored only after passing the body schema (lib/articles/article-input-schema.ts).
    body: row.bodyJson as ArticleBody,
    pollSurvey: storedPollSurvey(row.pollSurvey),
    deskNote: row.deskNote,
    hasPendingUpdate: row.hasPendingUpdate,
    author: row.author,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    submittedAt: iso(row.submittedAt),
    approvedAt: iso(row.approvedAt),
    publishedAt: iso(row.publishedAt),
    breakingUntil: iso(row.breakingUntil),
    url: publicUrlOf(row, now),
  };
}

/** The story's public address (absolute, canonical), only while readers can see it. */
function publicUrlOf(row: { id: number; slug: string; status: ArticleStatus; publishedAt: Date | null; liveRevisionId: string | null }, now: Date): string | null {
  return isPubliclyVisible(row, now) ? absoluteUrl(articlePath(row)) : null;
}

/** A story in a list (GET /api/v1/articles, the newsroom's story list): the working copy's fields, no body. */
export const articleSummaryOutSelect = {
  id: true,
  status: true,
  version: true,
  headline: true,
  subHeadlines: true,
  sectionId: true,
  hasPendingUpdate: true,
  deskNote: true,
  createdAt: true,
  updatedAt: true,
  submittedAt: true,
  approvedAt: true,
  publishedAt: true,
  unpublishedAt: true,
  liveRevisionId: true,
  slug: true,
  section: { select: { id: true, name: true, slug: true } },
  author: { select: { id: true, name: true, title: true } },
} as const satisfies Prisma.ArticleSelect;

export type ArticleSummaryRow = Prisma.ArticleGetPayload<{ select: typeof articleSummaryOutSelect }>;

export interface ArticleSummaryOut extends ArticleStateOut {
  unpublishedAt: string | null;
}

export function toArticleSummaryOut(row: ArticleSummaryRow, now = new Date()): ArticleSummaryOut {
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    headline: row.headline,
    subHeadlines: row.subHeadlines,
    sectionId: row.sectionId,
    section: row.section,
    author: row.author,
    hasPendingUpdate: row.hasPendingUpdate,
    deskNote: row.deskNote,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    submittedAt: iso(row.submittedAt),
    approvedAt: iso(row.approvedAt),
    publishedAt: iso(row.publishedAt),
    unpublishedAt: iso(row.unpublishedAt),
    url: publicUrlOf(row, now),
  };
}
