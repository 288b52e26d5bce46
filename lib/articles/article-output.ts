import "server-only";
// The one shape of a story's working copy in API responses (ArticleOut): the editor loads it,
// every save answers with it. Built only by `toArticleOut` from a row selected with
// `articleOutSelect`, so the public contract never follows the table by accident.
import type { ArticleBody } from "@/lib/articles/body-schema";
import { isPubliclyVisible } from "@/lib/articles/visibility";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import { mediaOutSelect, toMediaOut, type MediaOut } from "@/lib/media/media-output";

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
  bodyJson: true,
  deskNote: true,
  hasPendingUpdate: true,
  createdAt: true,
  updatedAt: true,
  submittedAt: true,
  approvedAt: true,
  publishedAt: true,
  liveRevisionId: true,
  section: { select: { id: true, name: true, slug: true } },
  author: { select: { id: true, name: true, title: true } },
  heroImage: { select: mediaOutSelect },
  tags: { select: { tag: { select: { name: true } } }, orderBy: [{ sortOrder: "asc" }, { tagId: "asc" }] },
} as const satisfies Prisma.ArticleSelect;

export type ArticleOutRow = Prisma.ArticleGetPayload<{ select: typeof articleOutSelect }>;

export interface ArticleOut {
  id: number;
  status: ArticleStatus;
  version: number;
  slug: string;
  headline: string;
  subHeadlines: string[];
  sectionId: number | null;
  section: { id: number; name: string; slug: string } | null;
  summary: string;
  tags: string[];
  heroImageId: string | null;
  hero: MediaOut | null;
  heroCaption: string;
  heroCredit: string;
  /** Tiptap JSON. */
  body: ArticleBody;
  deskNote: string | null;
  hasPendingUpdate: boolean;
  author: { id: string; name: string; title: string };
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  approvedAt: string | null;
  publishedAt: string | null;
  /** The public address, only while readers can see the story. */
  url: string | null;
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
    // Stored only after passing the body schema (lib/articles/article-input-schema.ts).
    body: row.bodyJson as ArticleBody,
    deskNote: row.deskNote,
    hasPendingUpdate: row.hasPendingUpdate,
    author: row.author,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    submittedAt: iso(row.submittedAt),
    approvedAt: iso(row.approvedAt),
    publishedAt: iso(row.publishedAt),
    url: isPubliclyVisible(row, now) ? `/articles/${row.id}/${row.slug}` : null,
  };
}
