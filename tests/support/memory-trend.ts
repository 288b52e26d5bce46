// Whether resident memory levelled off over a soak, from samples taken at a steady pace: the first
// third is start-up and warming (caches filling), so the middle third is the reference and the
// last third must stay within `maxGrowthPct` of it. A leak keeps climbing through both.

/** What the full fault drills' soak holds the app to (the tolerance is for the garbage collector's swings). */
export const RSS_LEVELS_OFF = { maxGrowthPct: 5, minSamples: 30 } as const;

export interface MemoryTrend {
  figures: {
    rssSamples: number;
    rssStartMb: number;
    rssMiddleThirdMb: number;
    rssLastThirdMb: number;
    rssPeakMb: number;
    rssGrowthLastVsMiddlePct: number;
  };
  /** Why memory did not level off; undefined when it did. */
  violation?: string;
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);

export function rssTrend(samplesMb: number[], limits: { maxGrowthPct: number; minSamples: number } = RSS_LEVELS_OFF): MemoryTrend {
  const third = Math.max(1, Math.floor(samplesMb.length / 3));
  const middle = mean(samplesMb.slice(third, 2 * third));
  const last = mean(samplesMb.slice(-third));
  const growthPct = middle ? Math.round(((last - middle) / middle) * 1000) / 10 : 0;
  const figures = {
    rssSamples: samplesMb.length,
    rssStartMb: Math.round(samplesMb[0] ?? 0),
    rssMiddleThirdMb: Math.round(middle),
    rssLastThirdMb: Math.round(last),
    rssPeakMb: Math.round(Math.max(0, ...samplesMb)),
    rssGrowthLastVsMiddlePct: growthPct,
  };
  if (samplesMb.length < limits.minSamples) return { figures, violation: `${samplesMb.length} memory samples, too few to judge whether memory levels off (at least ${limits.minSamples})` };
  if (samplesMb.some((sample) => !(sample > 0))) return { figures, violation: "a memory sample read 0 MB: the app's memory was not measured" };
  if (growthPct > limits.maxGrowthPct) return { figures, violation: `resident memory still growing: the last third averaged ${figures.rssLastThirdMb} MB, ${growthPct}% over the middle third's ${figures.rssMiddleThirdMb} MB (at most ${limits.maxGrowthPct}%)` };
  return { figures };
}
