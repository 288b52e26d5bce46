// The soak's memory verdict (tests/support/memory-trend.ts): what npm run test:faults reports as
// "RSS levels off" is decided by these figures.
import { describe, expect, it } from "vitest";
import { RSS_LEVELS_OFF, rssTrend } from "../support/memory-trend";

/** 60 samples: start-up climbs to `plateau`, then `perSample` MB more each second, with GC swings. */
const soak = (plateau: number, perSample: number) =>
  Array.from({ length: 60 }, (_, i) => (i < 10 ? 400 + (i * (plateau - 400)) / 10 : plateau + (i - 10) * perSample) + (i % 3 === 0 ? 12 : -6));

describe("resident memory over a soak", () => {
  it("levels off: start-up growth and GC swings are not a leak", () => {
    const trend = rssTrend(soak(650, 0));
    expect(trend.violation).toBeUndefined();
    expect(trend.figures.rssSamples).toBe(60);
    expect(Math.abs(trend.figures.rssGrowthLastVsMiddlePct)).toBeLessThan(1);
  });

  it("still growing by 3 MB a second: a violation naming the figures", () => {
    const trend = rssTrend(soak(650, 3));
    expect(trend.figures.rssGrowthLastVsMiddlePct).toBeGreaterThan(RSS_LEVELS_OFF.maxGrowthPct);
    expect(trend.violation).toMatch(/^resident memory still growing: the last third averaged \d+ MB, [\d.]+% over the middle third's \d+ MB \(at most 5%\)$/);
  });

  it("too few samples, or samples that read nothing, are not a pass", () => {
    expect(rssTrend(soak(650, 0).slice(0, 8)).violation).toContain("too few to judge");
    expect(rssTrend(Array.from({ length: 40 }, () => 0)).violation).toContain("not measured");
  });
});
