// The share of the paper's own reporting (자체 취재) among its public stories, as portals'
// partnership reviews count it (Kakao's regional track asked for at least 30%), with the stories
// whose origin was never recorded counted apart: they are left out of the share and shown, and
// the verdict says when they could tip it either way. Pure: the publisher's page, its tests and
// the CSV all use it.
import type { ArticleOrigin } from "@/lib/generated/prisma/enums";
import { ARTICLE_ORIGINS } from "@/lib/origins/story-origin";

/** Stories counted by origin; `unrecorded`: no origin chosen (stories from before origins were kept). */
export interface OriginTally {
  byOrigin: Record<ArticleOrigin, number>;
  unrecorded: number;
}

export function emptyTally(): OriginTally {
  return { byOrigin: Object.fromEntries(ARTICLE_ORIGINS.map((origin) => [origin, 0])) as Record<ArticleOrigin, number>, unrecorded: 0 };
}

/** Adds `count` stories of `origin` (null: unrecorded) to the tally, in place. */
export function countInto(tally: OriginTally, origin: ArticleOrigin | null, count: number): void {
  if (origin === null) tally.unrecorded += count;
  else tally.byOrigin[origin] += count;
}

/**
 * - "met": own reporting reaches the threshold even if every unrecorded story is someone else's;
 * - "below": it falls short even if every unrecorded story is the paper's own;
 * - "depends": the unrecorded stories decide (record their origins);
 * - "empty": no public story in the period.
 */
export type ShareVerdict = "met" | "below" | "depends" | "empty";

export interface OriginShare {
  total: number;
  own: number;
  /** Stories with an origin: the share's denominator. */
  recorded: number;
  unrecorded: number;
  /** own / recorded, 0-1; null when nothing is recorded. */
  share: number | null;
  verdict: ShareVerdict;
}

/** The share of 자체 취재 in `tally` against a threshold in whole percent (30 = 30%). */
export function originShare(tally: OriginTally, thresholdPercent: number): OriginShare {
  const own = tally.byOrigin.OWN_REPORTING;
  const recorded = ARTICLE_ORIGINS.reduce((sum, origin) => sum + tally.byOrigin[origin], 0);
  const total = recorded + tally.unrecorded;
  // Compared in whole numbers (own / total >= threshold / 100), so 3 of 10 meets 30% exactly.
  const reaches = (count: number) => count * 100 >= thresholdPercent * total;
  const verdict: ShareVerdict = total === 0 ? "empty" : reaches(own) ? "met" : !reaches(own + tally.unrecorded) ? "below" : "depends";
  return { total, own, recorded, unrecorded: tally.unrecorded, share: recorded === 0 ? null : own / recorded, verdict };
}

/** "42.9%" (one decimal, trailing .0 dropped), or "—" when there is nothing to divide. */
export function formatShare(share: number | null): string {
  if (share === null) return "—";
  const percent = Math.round(share * 1000) / 10;
  return `${Number.isInteger(percent) ? percent.toFixed(0) : percent.toFixed(1)}%`;
}

export const SHARE_VERDICT_LABEL: Record<ShareVerdict, string> = {
  met: "기준 충족",
  below: "기준 미달",
  depends: "미기록 기사에 달림",
  empty: "기사 없음",
};
