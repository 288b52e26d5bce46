import "server-only";
// Loads any state of a story as an ArticleSnapshot for lib/articles/revisions/diff.ts: a numbered
// revision, the working copy, or the live revision readers see.
import type { SnapshotRef } from "@/lib/articles/article-input-schema";
import type { ArticleSnapshot } from "@/lib/articles/revisions/diff";
import type { DbTransaction } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import type { ArticleOrigin } from "@/lib/generated/prisma/enums";
import { pollSurveyAsText } from "@/lib/elections/poll-survey";
import { storedPollSurvey } from "@/lib/elections/stored-poll-survey";
import { describeOrigin } from "@/lib/origins/story-origin";

const heroSelect = { select: { id: true, altText: true, caption: true } } as const;
const sectionSelect = { select: { id: true, name: true } } as const;

function heroLabel(hero: { id: string; altText: string; caption: string } | null): ArticleSnapshot["hero"] {
  if (!hero) return null;
  return { id: hero.id, label: hero.altText || hero.caption || `사진 ${hero.id.slice(-6)}` };
}

const revisionSnapshotSelect = {
  headline: true,
  subHeadlines: true,
  summary: true,
  tagNames: true,
  heroCaption: true,
  heroCredit: true,
  origin: true,
  originSource: true,
  heroAlt: true,
  pollSurvey: true,
  bodyText: true,
  section: sectionSelect,
  heroImage: heroSelect,
} as const;

function fromRevision(revision: {
  headline: string;
  subHeadlines: string[];
  summary: string;
  tagNames: string[] | null;
  heroCaption: string;
  heroCredit: string;
  origin: ArticleOrigin | null;
  originSource: string;
  heroAlt: string;
  pollSurvey: unknown;
  bodyText: string;
  section: { id: number; name: string } | null;
  heroImage: { id: string; altText: string; caption: string } | null;
}): ArticleSnapshot {
  return {
    headline: revision.headline,
    subHeadlines: revision.subHeadlines,
    summary: revision.summary,
    section: revision.section,
    // Revisions from before tags were kept have none.
    tags: revision.tagNames ?? [],
    hero: heroLabel(revision.heroImage),
    heroCaption: revision.heroCaption,
    heroCredit: revision.heroCredit,
    origin: describeOrigin(revision.origin, revision.originSource),
    heroAlt: revision.heroAlt,
    pollSurvey: pollSurveyAsText(storedPollSurvey(revision.pollSurvey)),
    bodyText: revision.bodyText,
  };
}

/** The story's state at `ref`; NOT_FOUND when there is no such revision (or no live one). The caller checks permission. */
export async function loadArticleSnapshot(client: DbTransaction, articleId: number, ref: SnapshotRef): Promise<ArticleSnapshot> {
  if (ref === "current") {
    const article = await client.article.findUnique({
      where: { id: articleId },
      select: {
        headline: true,
        subHeadlines: true,
        summary: true,
        heroCaption: true,
        heroCredit: true,
        origin: true,
        originSource: true,
        heroAlt: true,
        pollSurvey: true,
        bodyText: true,
        section: sectionSelect,
        heroImage: heroSelect,
        tags: { select: { tag: { select: { name: true } } }, orderBy: [{ sortOrder: "asc" }, { tagId: "asc" }] },
      },
    });
    if (!article) throw notFound("기사를 찾을 수 없습니다.");
    return fromRevision({ ...article, tagNames: article.tags.map((link) => link.tag.name) });
  }
  if (ref === "live") {
    const article = await client.article.findUnique({ where: { id: articleId }, select: { liveRevision: { select: revisionSnapshotSelect } } });
    if (!article?.liveRevision) throw notFound("아직 승인된 판이 없습니다.");
    return fromRevision(article.liveRevision);
  }
  const revision = await client.articleRevision.findUnique({ where: { articleId_number: { articleId, number: ref } }, select: revisionSnapshotSelect });
  if (!revision) throw notFound(`${ref}번 판을 찾을 수 없습니다.`);
  return fromRevision(revision);
}
