import "server-only";
// The publisher's page: the share of 자체 취재 among the stories readers can see now, over the last
// 30, 90 and 365 days, overall, by section and by reporter, against the admin's threshold, and the
// monthly counts by origin. Every figure reads a story as readers see it: its live revision's
// origin and section, its approved byline (the first, the author), its publication time. Stories
// that are not public now (drafts, at the desk, scheduled for later, withdrawn) never count.
import { SHARE_WINDOWS_DAYS, listedMonths, windowStart, type ShareWindow } from "@/lib/eligibility/eligibility-periods";
import { getEligibilitySettings } from "@/lib/eligibility/eligibility-settings";
import { countInto, emptyTally, originShare, type OriginShare, type OriginTally } from "@/lib/eligibility/origin-share";
import { publiclyVisibleSql } from "@/lib/articles/public/visibility";
import { assertCan } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import type { ArticleOrigin } from "@/lib/generated/prisma/enums";

/** One line of a breakdown (a section, a reporter): its share over each window. */
export interface ShareBreakdownRow {
  key: string;
  label: string;
  windows: Record<ShareWindow, OriginShare>;
}

interface MonthCount {
  /** "2026-12", Korea time. */
  month: string;
  tally: OriginTally;
  share: OriginShare;
}

export interface EligibilityReport {
  thresholdPercent: number;
  generatedAt: Date;
  overall: Record<ShareWindow, OriginShare & { tally: OriginTally }>;
  bySection: ShareBreakdownRow[];
  byReporter: ShareBreakdownRow[];
  /** The last twelve months in Korea time, oldest first; the reviewers' CSV lists their stories. */
  months: MonthCount[];
  monthsSince: Date;
}

interface GroupRow {
  origin: ArticleOrigin | null;
  sectionId: number | null;
  sectionName: string | null;
  reporterId: string;
  reporterName: string;
  reporterTitle: string;
  month: string;
  d30: bigint;
  d90: bigint;
  d365: bigint;
  inMonths: bigint;
}

/**
 * The public stories of the last year (or of the twelve months, whichever reaches further back),
 * counted by origin, section, reporter and month, with how many of each fall in each window: a
 * few hundred groups, whatever the number of stories.
 */
function countPublicStories(now: Date, since: { d30: Date; d90: Date; d365: Date; months: Date }) {
  const earliest = since.d365 < since.months ? since.d365 : since.months;
  return db.$queryRaw<GroupRow[]>`
    SELECT r."origin", r."sectionId", s."name" AS "sectionName",
      COALESCE(b."userId", a."authorId") AS "reporterId",
      COALESCE(b."name", u."name") AS "reporterName",
      COALESCE(b."title", u."title") AS "reporterTitle",
      to_char((a."publishedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Seoul', 'YYYY-MM') AS "month",
      COUNT(*) FILTER (WHERE a."publishedAt" > ${since.d30}) AS "d30",
      COUNT(*) FILTER (WHERE a."publishedAt" > ${since.d90}) AS "d90",
      COUNT(*) FILTER (WHERE a."publishedAt" > ${since.d365}) AS "d365",
      COUNT(*) FILTER (WHERE a."publishedAt" >= ${since.months}) AS "inMonths"
    FROM "Article" a
    JOIN "ArticleRevision" r ON r."id" = a."liveRevisionId"
    JOIN "User" u ON u."id" = a."authorId"
    LEFT JOIN "Section" s ON s."id" = r."sectionId"
    LEFT JOIN "ArticleRevisionByline" b ON b."revisionId" = r."id" AND b."position" = 0
    WHERE ${publiclyVisibleSql("a", now)} AND a."publishedAt" >= ${earliest}
    GROUP BY 1, 2, 3, 4, 5, 6, 7`;
}

type WindowTallies = Record<ShareWindow, OriginTally>;
const windowTallies = (): WindowTallies => ({ 30: emptyTally(), 90: emptyTally(), 365: emptyTally() });

function addGroup(tallies: WindowTallies, row: GroupRow): void {
  countInto(tallies[30], row.origin, Number(row.d30));
  countInto(tallies[90], row.origin, Number(row.d90));
  countInto(tallies[365], row.origin, Number(row.d365));
}

function breakdown(groups: Map<string, { label: string; tallies: WindowTallies }>, threshold: number): ShareBreakdownRow[] {
  return [...groups.entries()]
    .map(([key, { label, tallies }]) => ({ key, label, windows: Object.fromEntries(SHARE_WINDOWS_DAYS.map((days) => [days, originShare(tallies[days], threshold)])) as Record<ShareWindow, OriginShare> }))
    .filter((row) => row.windows[365].total > 0)
    .sort((a, b) => b.windows[365].total - a.windows[365].total || a.label.localeCompare(b.label, "ko"));
}

export async function getEligibilityReport(actor: StaffUser, now = new Date()): Promise<EligibilityReport> {
  assertCan(actor, "eligibility.read");
  const { ownReportingThresholdPercent: threshold } = await getEligibilitySettings();
  const { since: monthsSince, months } = listedMonths(now);
  const rows = await countPublicStories(now, { d30: windowStart(now, 30), d90: windowStart(now, 90), d365: windowStart(now, 365), months: monthsSince });

  const overall = windowTallies();
  const sections = new Map<string, { label: string; tallies: WindowTallies }>();
  const reporters = new Map<string, { label: string; tallies: WindowTallies }>();
  const byMonth = new Map(months.map((month) => [month, emptyTally()]));
  const groupOf = (map: typeof sections, key: string, label: string) => {
    const existing = map.get(key);
    if (existing) return existing.tallies;
    const created = { label, tallies: windowTallies() };
    map.set(key, created);
    return created.tallies;
  };
  for (const row of rows) {
    addGroup(overall, row);
    addGroup(groupOf(sections, String(row.sectionId ?? "none"), row.sectionName ?? "섹션 없음"), row);
    addGroup(groupOf(reporters, row.reporterId, `${row.reporterName} ${row.reporterTitle}`.trim()), row);
    const month = byMonth.get(row.month);
    if (month) countInto(month, row.origin, Number(row.inMonths));
  }

  return {
    thresholdPercent: threshold,
    generatedAt: now,
    overall: Object.fromEntries(SHARE_WINDOWS_DAYS.map((days) => [days, { ...originShare(overall[days], threshold), tally: overall[days] }])) as EligibilityReport["overall"],
    bySection: breakdown(sections, threshold),
    byReporter: breakdown(reporters, threshold),
    months: months.map((month) => {
      const tally = byMonth.get(month) ?? emptyTally();
      return { month, tally, share: originShare(tally, threshold) };
    }),
    monthsSince,
  };
}
