// The flood rules as a pure decision (lib/comments/flood-rules.ts): what one source may post, and
// when it may try again (Retry-After).
import { describe, expect, it } from "vitest";
import { DEFAULT_COMMENT_SETTINGS } from "@/lib/comments/comment-settings";
import { judgeFlood, judgeNetworkFlood, type NetworkActivity, type SourceActivity } from "@/lib/comments/flood-rules";
import { commentFingerprint } from "@/lib/comments/post-comment";

const now = new Date("2026-11-26T03:00:00Z");
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
const quiet: SourceActivity = { lastPostAt: null, postsThisHourOnStory: 0, oldestThisHourOnStory: null, sameTextAt: null };
const judge = (activity: Partial<SourceActivity>, settings = DEFAULT_COMMENT_SETTINGS) => judgeFlood({ ...quiet, ...activity }, settings, now);

describe("flood rules", () => {
  it("a source that has not posted may post", () => {
    expect(judge({})).toEqual({ allowed: true });
  });

  it.each([
    [1, 14],
    [5, 10],
    [14, 1],
  ])("one comment per 15 seconds: %i s after the last, wait %i s", (since, wait) => {
    expect(judge({ lastPostAt: ago(since) })).toMatchObject({ allowed: false, rule: "interval", retryAfterSeconds: wait });
  });

  it("15 seconds after the last comment is fine; 0 turns the rule off", () => {
    expect(judge({ lastPostAt: ago(15) })).toEqual({ allowed: true });
    expect(judge({ lastPostAt: ago(1) }, { ...DEFAULT_COMMENT_SETTINGS, minIntervalSeconds: 0 })).toEqual({ allowed: true });
  });

  it("10 per hour per story: the 11th waits until the oldest of the hour is an hour old", () => {
    expect(judge({ postsThisHourOnStory: 9, oldestThisHourOnStory: ago(3000) })).toEqual({ allowed: true });
    const verdict = judge({ lastPostAt: ago(60), postsThisHourOnStory: 10, oldestThisHourOnStory: ago(3000) });
    expect(verdict).toMatchObject({ allowed: false, rule: "hourly", retryAfterSeconds: 600 });
    expect(verdict.allowed === false && verdict.message).toContain("한 시간에 댓글 10개까지");
  });

  it("the same text within an hour is refused until the hour has passed", () => {
    expect(judge({ sameTextAt: ago(1800) })).toMatchObject({ allowed: false, rule: "duplicate", retryAfterSeconds: 1800 });
    expect(judge({ sameTextAt: ago(3600) })).toEqual({ allowed: true });
  });

  it("Retry-After is never zero", () => {
    expect(judge({ lastPostAt: new Date(now.getTime() - 14_999) })).toMatchObject({ retryAfterSeconds: 1 });
  });

  it("the same text means: ignoring ASCII case, spacing and ASCII punctuation", () => {
    expect(commentFingerprint("좋은 기사!! Thanks")).toBe(commentFingerprint("좋은기사thanks"));
    expect(commentFingerprint("좋은 기사")).not.toBe(commentFingerprint("좋은 기사네"));
  });
});

// A source's wider network (an IPv6 /48): four times the room, whichever of its /64s posts.
const quietNetwork: NetworkActivity = { postsInInterval: 0, oldestInInterval: null, postsThisHourOnStory: 0, oldestThisHourOnStory: null, sameTextAt: null };
const judgeNetwork = (activity: Partial<NetworkActivity>, settings = DEFAULT_COMMENT_SETTINGS) => judgeNetworkFlood({ ...quietNetwork, ...activity }, settings, now);

describe("flood rules for a wider network", () => {
  it("four posts within the interval, whichever sources: the fifth waits until the oldest leaves it", () => {
    expect(judgeNetwork({ postsInInterval: 3, oldestInInterval: ago(10) })).toEqual({ allowed: true });
    expect(judgeNetwork({ postsInInterval: 4, oldestInInterval: ago(10) })).toMatchObject({ allowed: false, rule: "network-interval", retryAfterSeconds: 5 });
    expect(judgeNetwork({ postsInInterval: 4, oldestInInterval: ago(10) }, { ...DEFAULT_COMMENT_SETTINGS, minIntervalSeconds: 0 })).toEqual({ allowed: true });
  });

  it("four times the hourly cap per story; the same text twice is refused as for one source", () => {
    expect(judgeNetwork({ postsThisHourOnStory: 39, oldestThisHourOnStory: ago(600) })).toEqual({ allowed: true });
    expect(judgeNetwork({ postsThisHourOnStory: 40, oldestThisHourOnStory: ago(600) })).toMatchObject({ allowed: false, rule: "network-hourly", retryAfterSeconds: 3000 });
    expect(judgeNetwork({ sameTextAt: ago(60) })).toMatchObject({ allowed: false, rule: "duplicate" });
  });
});
