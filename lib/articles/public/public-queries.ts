import "server-only";
// One story as readers see it: the live revision the desk approved, never the working copy.
import { cache } from "react";
import { articlePath } from "@/lib/articles/public/article-url";
import { previewDescription } from "@/lib/articles/body/preview-text";
import { cacheTag, tagResponse } from "@/lib/cache/cache-tags";
import { getLatestStories } from "@/lib/articles/public/public-lists";
import type { PublicArticleSummary } from "@/lib/articles/public/public-summary";
import { publicStateOf, storyTakedownInForceWhere } from "@/lib/articles/public/visibility";
import { storyClaimNoticeSelect, toStoryClaimNotice, type StoryClaimNotice } from "@/lib/claims/story-claim-notice";
import { readerDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ArticleOrigin } from "@/lib/generated/prisma/enums";
import { storedOriginSource } from "@/lib/origins/story-origin";
import { publicImageSelect, toPublicImage, type PublicImage, type StoredImageFields } from "@/lib/media/public-image";
import { takedownNotice, type TakedownNotice } from "@/lib/takedowns/takedown-rules";
import type { PollSurvey } from "@/lib/elections/poll-survey";
import { storedPollSurvey } from "@/lib/elections/stored-poll-survey";

/**
 * The bylines a live revision was approved with (frozen by the database as it went live:
 * ArticleRevisionByline), with the person's reporter number for the reporter page's address.
 */
export const frozenBylinesSelect = {
  orderBy: { position: "asc" },
  select: { userId: true, name: true, title: true, bylineEmail: true, user: { select: { reporterNumber: true } } },
} as const;

/** A person in a byline as they are now (a staff preview of a story nobody approved yet). */
export const bylineSelect = { id: true, reporterNumber: true, name: true, title: true, bylineEmail: true } as const;

const articlePageSelect = (now: Date) => ({
  id: true,
  // A block in force (임시조치): the page shows its notice instead of the story.
  takedowns: { where: storyTakedownInForceWhere(now), orderBy: { endsAt: "desc" }, take: 1, select: { reason: true, endsAt: true } },
  slug: true,
  status: true,
  liveRevisionId: true,
  publishedAt: true,
  unpublishedAt: true,
  approvedAt: true,
  lastCorrectedAt: true,
  breakingUntil: true,
  // A breaking story's update log, newest first (entries come only with approvals that went live).
  updateLog: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { note: true, createdAt: true } },
  // The live revision's tags (ArticleTag holds the working copy's, which may not be approved yet).
  liveTags: { orderBy: [{ sortOrder: "asc" }, { tagId: "asc" }], select: { tag: { select: { slug: true, name: true } } } },
  // Shown only with the story: this select runs only for a story readers may see.
  corrections: { where: { type: { in: ["CORRECTION", "REPLY"] } }, orderBy: { createdAt: "asc" }, select: { type: true, note: true, createdAt: true } },
  // The desk's claim labels and held comments, read here rather than in a query of their own.
  rightsClaims: storyClaimNoticeSelect,
  liveRevision: {
    select: {
      headline: true,
      subHeadlines: true,
      bodyHtml: true,
      bodyText: true,
      summary: true,
      heroCaption: true,
      heroCredit: true,
      origin: true,
      originSource: true,
      heroAlt: true,
      section: { select: { id: true, slug: true, name: true } },
      heroImage: { select: { id: true, ...publicImageSelect } },
      bylines: frozenBylinesSelect,
      pollSurvey: true,
    },
  },
}) satisfies Prisma.ArticleSelect;

export interface Byline {
  id: string;
  /** With the name, the reporter page's address (lib/reporters/reporter-url.ts). */
  reporterNumber: number;
  name: string;
  title: string;
  bylineEmail: string | null;
}

export interface PublicArticle {
  id: number;
  /** The slug of its address, fixed when it was first approved. */
  slug: string;
  /** The canonical path, /articles/<id>/<slug>. */
  path: string;
  headline: string;
  subHeadlines: string[];
  bodyHtml: string;
  bodyText: string;
  /** For link previews, feeds and JSON-LD (lib/articles/body/preview-text.ts decides it). */
  description: string;
  section: { id: number; slug: string; name: string } | null;
  /** The author first, then co-bylines in their order, as the desk approved them. */
  bylines: Byline[];
  tags: { slug: string; name: string }[];
  /** The public 기사승인 time; null only in a staff preview of a story nobody has approved yet. */
  approvedAt: Date | null;
  publishedAt: Date;
  /** The 수정 time: set when the desk approved a correction. */
  lastCorrectedAt: Date | null;
  hero: (PublicImage & { mediaId: string; caption: string; credit: string }) | null;
  /** 정정 and 반론 notes, oldest first, printed after the body. */
  corrections: PublicCorrectionNote[];
  /** An election poll story's particulars, printed in a box after the body (선거여론조사기준 제18조). */
  pollSurvey: PollSurvey | null;
  /** Where the story comes from, as the desk approved it (null: not recorded). */
  origin: { kind: ArticleOrigin; source: string } | null;
  /** 속보: the banner's end; the story shows its 속보 label while it is in the future. */
  breakingUntil: Date | null;
  /** A breaking story's update log ("2보: 사망자 3명으로 늘어", "종합"), newest first, shown at its top. */
  updateLog: PublicUpdateLogEntry[];
}

export interface PublicUpdateLogEntry {
  note: string;
  at: Date;
}

export interface PublicCorrectionNote {
  type: "CORRECTION" | "REPLY";
  note: string;
  at: Date;
}

export type ArticlePageData = { state: "visible"; article: PublicArticle; claimNotice: StoryClaimNotice } | { state: "blocked"; notice: TakedownNotice } | { state: "gone" } | { state: "missing" };

async function loadArticlePageData(id: number, now: Date): Promise<ArticlePageData> {
  tagResponse(cacheTag.story(id));
  const row = await readerDb.article.findUnique({ where: { id }, select: articlePageSelect(now) });
  if (!row) return { state: "missing" };
  const state = publicStateOf(row, now);
  if (state === "gone") return { state: "gone" };
  const block = row.takedowns[0];
  if (state === "blocked" && block) return { state: "blocked", notice: takedownNotice(block.reason, block.endsAt, "story") };
  const live = row.liveRevision;
  if (state !== "visible" || !live || !row.publishedAt) return { state: "missing" };
  const bylines = live.bylines.map(({ userId, user, ...person }) => ({ id: userId, reporterNumber: user.reporterNumber, ...person }));
  return { state: "visible", article: toPublicArticle({ ...row, bylines, tags: row.liveTags, publishedAt: row.publishedAt }, live), claimNotice: toStoryClaimNotice(row.rightsClaims) };
}

/** The text readers see (the live revision, or for a staff preview the working copy), in the page's shape. */
export interface ArticleText {
  headline: string;
  subHeadlines: string[];
  /** The story's own summary for previews, when it has one. */
  summary?: string;
  bodyHtml: string;
  bodyText: string;
  heroCaption: string;
  heroCredit: string;
  origin: ArticleOrigin | null;
  originSource: string;
  /** The story's own alt text for the main photo; empty: the library's. */
  heroAlt: string;
  section: { id: number; slug: string; name: string } | null;
  heroImage: ({ id: string } & StoredImageFields) | null;
  /** Stored poll particulars (Article / ArticleRevision.pollSurvey), or null. */
  pollSurvey: unknown;
}

/** The one mapping to the article page's shape: the public page and the newsroom's preview both use it. */
export function toPublicArticle(
  row: {
    id: number;
    /** The address's slug, fixed when the story was first approved (lib/articles/public/article-url.ts). */
    slug: string;
    publishedAt: Date;
    approvedAt: Date | null;
    lastCorrectedAt: Date | null;
    /** The author first, then co-bylines: the live revision's frozen ones, or for a preview the current ones. */
    bylines: Byline[];
    tags: { tag: { slug: string; name: string } }[];
    corrections: { type: "UPDATE" | "CORRECTION" | "REPLY"; note: string; createdAt: Date }[];
    /** Absent for a staff preview of a story never approved. */
    breakingUntil?: Date | null;
    updateLog?: { note: string; createdAt: Date }[];
  },
  text: ArticleText,
): PublicArticle {
  return {
    id: row.id,
    slug: row.slug,
    path: articlePath(row),
    headline: text.headline,
    subHeadlines: text.subHeadlines,
    bodyHtml: text.bodyHtml,
    bodyText: text.bodyText,
    description: previewDescription(text),
    section: text.section,
    bylines: row.bylines,
    tags: row.tags.map((link) => link.tag),
    approvedAt: row.approvedAt ?? row.publishedAt,
    publishedAt: row.publishedAt,
    lastCorrectedAt: row.lastCorrectedAt,
    hero: text.heroImage
      ? { ...toPublicImage({ ...text.heroImage, altText: text.heroAlt || text.heroImage.altText }, text.heroCaption || text.headline), mediaId: text.heroImage.id, caption: text.heroCaption, credit: text.heroCredit }
      : null,
    // 수정 (UPDATE) is silent; 정정 and 반론 are printed at the end of the story.
    corrections: row.corrections.flatMap((correction) => (correction.type === "UPDATE" ? [] : [{ type: correction.type, note: correction.note, at: correction.createdAt }])),
    pollSurvey: storedPollSurvey(text.pollSurvey),
    origin: text.origin ? { kind: text.origin, source: storedOriginSource(text.origin, text.originSource) } : null,
    breakingUntil: row.breakingUntil ?? null,
    updateLog: (row.updateLog ?? []).map((entry) => ({ note: entry.note, at: entry.createdAt })),
  };
}

/**
 * What the article page shows for `id`: the story, "blocked" (a 임시조치 in force: 451 with its
 * notice), "gone" (withdrawn: 410) or "missing" (never public or no such story: 404). Cached per request, so the page, its metadata and its JSON-LD
 * read the database once.
 */
export const getArticlePageData = cache((id: number): Promise<ArticlePageData> => loadArticlePageData(id, new Date()));

/** One story as readers see it, or null when it does not exist or is not (or no longer) public. */
export async function getPublicArticle(id: number, now = new Date()): Promise<PublicArticle | null> {
  const data = await loadArticlePageData(id, now);
  return data.state === "visible" ? data.article : null;
}

/** The newest stories readers may see (kept for callers of the first cut). */
export function getLatestPublicArticles(limit = 20, now = new Date()): Promise<PublicArticleSummary[]> {
  return getLatestStories({ limit, now });
}
