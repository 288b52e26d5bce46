import "server-only";
// The story list partnership reviewers ask for: every public story of the last twelve months
// (Korea time, this month so far included: the same stories as the publisher's page's monthly
// counts) with its address, headline, reporter, 입력 and 수정 times in KST, section and origin, the
// paper's own reporting listed first, "apart" as reviewers asked (korean-newsroom.md). As readers
// see each story: its live revision's headline, section and origin, its approved byline.
import { articlePath } from "@/lib/articles/public/article-url";
import { publiclyVisibleSql } from "@/lib/articles/public/visibility";
import { assertCan } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { absoluteUrl, siteName } from "@/lib/config/site";
import { db } from "@/lib/db";
import { csvDocument } from "@/lib/eligibility/csv";
import { kstMonthKey, listedMonths } from "@/lib/eligibility/eligibility-periods";
import { formatKstDateTime } from "@/lib/format/korean-time";
import type { ArticleOrigin } from "@/lib/generated/prisma/enums";
import { ARTICLE_ORIGIN_LABEL, ARTICLE_ORIGINS, storedOriginSource } from "@/lib/origins/story-origin";

export const ELIGIBILITY_CSV_HEADER = ["기사 주소", "제목", "기자", "입력 (KST)", "수정 (KST)", "섹션", "출처 유형", "출처 (통신사·보도자료 낸 곳·제공처)"] as const;

interface StoryRow {
  id: number;
  slug: string;
  headline: string;
  publishedAt: Date;
  lastCorrectedAt: Date | null;
  sectionName: string | null;
  origin: ArticleOrigin | null;
  originSource: string;
  bylines: string;
}

function publicStoriesSince(since: Date, now: Date) {
  return db.$queryRaw<StoryRow[]>`
    SELECT a."id", a."slug", r."headline", a."publishedAt", a."lastCorrectedAt", s."name" AS "sectionName", r."origin", r."originSource",
      COALESCE(
        (SELECT string_agg(trim(b."name" || ' ' || b."title"), ', ' ORDER BY b."position") FROM "ArticleRevisionByline" b WHERE b."revisionId" = r."id"),
        trim(u."name" || ' ' || u."title")
      ) AS "bylines"
    FROM "Article" a
    JOIN "ArticleRevision" r ON r."id" = a."liveRevisionId"
    JOIN "User" u ON u."id" = a."authorId"
    LEFT JOIN "Section" s ON s."id" = r."sectionId"
    WHERE ${publiclyVisibleSql("a", now)} AND a."publishedAt" >= ${since}
    ORDER BY a."publishedAt" DESC, a."id" DESC`;
}

// Own reporting first, then the other kinds in the editor's order, unrecorded last.
const originRank = (origin: ArticleOrigin | null) => (origin === null ? ARTICLE_ORIGINS.length : ARTICLE_ORIGINS.indexOf(origin));

export interface EligibilityCsv {
  filename: string;
  body: string;
  stories: number;
}

export async function buildEligibilityCsv(actor: StaffUser, now = new Date()): Promise<EligibilityCsv> {
  assertCan(actor, "eligibility.read");
  const { since, months } = listedMonths(now);
  const stories = (await publicStoriesSince(since, now)).sort((a, b) => originRank(a.origin) - originRank(b.origin));
  const rows = stories.map((story) => [
    absoluteUrl(articlePath(story)),
    story.headline,
    story.bylines,
    formatKstDateTime(story.publishedAt),
    story.lastCorrectedAt ? formatKstDateTime(story.lastCorrectedAt) : "",
    story.sectionName ?? "",
    story.origin ? ARTICLE_ORIGIN_LABEL[story.origin] : "미기록",
    storedOriginSource(story.origin, story.originSource),
  ]);
  const period = `${months[0]}_${kstMonthKey(now)}`;
  return { filename: `${siteName}-기사목록-${period}.csv`, body: csvDocument(ELIGIBILITY_CSV_HEADER, rows), stories: stories.length };
}
