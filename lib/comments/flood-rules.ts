// The flooding rules, as a pure decision over what one source and its wider network have done
// lately (read from PostgreSQL under the network's lock, lib/comments/post-comment.ts), so they
// are the same on every app instance and can be tested without a clock.
import type { CommentSettings } from "@/lib/comments/comment-settings";

export interface SourceActivity {
  /** The source's latest comment anywhere. */
  lastPostAt: Date | null;
  /** Its comments on this story within the last hour, and the oldest of them. */
  postsThisHourOnStory: number;
  oldestThisHourOnStory: Date | null;
  /** When it last posted this same text within the duplicate window, if it did. */
  sameTextAt: Date | null;
}

/** What the source's wider network (an IPv6 /48: lib/comments/comment-source.ts) has done lately, its other sources included. */
export interface NetworkActivity {
  /** Its comments within the last `minIntervalSeconds`, and the oldest of them. */
  postsInInterval: number;
  oldestInInterval: Date | null;
  postsThisHourOnStory: number;
  oldestThisHourOnStory: Date | null;
  sameTextAt: Date | null;
}

/**
 * A network may do this many times what one source may: a household or an office is a few
 * people, but one person hopping between the /64s of their /48 is held to a few posts where a
 * count by /64 would let them post thousands. (For IPv4 the network is the source itself, whose
 * own limits are stricter.)
 */
export const NETWORK_FACTOR = 4;

export type FloodVerdict =
  | { allowed: true }
  | { allowed: false; rule: "interval" | "hourly" | "duplicate" | "network-interval" | "network-hourly"; retryAfterSeconds: number; message: string };

const HOUR_MS = 60 * 60_000;
const secondsUntil = (moment: number, now: Date) => Math.max(1, Math.ceil((moment - now.getTime()) / 1000));

export function judgeFlood(activity: SourceActivity, settings: Pick<CommentSettings, "minIntervalSeconds" | "maxPerHourPerStory" | "duplicateWindowMinutes">, now: Date): FloodVerdict {
  if (activity.sameTextAt && settings.duplicateWindowMinutes > 0) {
    const until = activity.sameTextAt.getTime() + settings.duplicateWindowMinutes * 60_000;
    if (until > now.getTime()) {
      return { allowed: false, rule: "duplicate", retryAfterSeconds: secondsUntil(until, now), message: "같은 내용의 댓글을 이미 등록했습니다. 도배로 보일 수 있는 반복 글은 올릴 수 없습니다." };
    }
  }
  if (activity.lastPostAt && settings.minIntervalSeconds > 0) {
    const until = activity.lastPostAt.getTime() + settings.minIntervalSeconds * 1000;
    if (until > now.getTime()) {
      const wait = secondsUntil(until, now);
      return { allowed: false, rule: "interval", retryAfterSeconds: wait, message: `댓글은 ${settings.minIntervalSeconds}초에 한 번만 쓸 수 있습니다. ${wait}초 뒤에 다시 등록하세요.` };
    }
  }
  if (activity.postsThisHourOnStory >= settings.maxPerHourPerStory) {
    const until = (activity.oldestThisHourOnStory?.getTime() ?? now.getTime()) + HOUR_MS;
    const wait = secondsUntil(until, now);
    return {
      allowed: false,
      rule: "hourly",
      retryAfterSeconds: wait,
      message: `한 기사에는 한 시간에 댓글 ${settings.maxPerHourPerStory}개까지 쓸 수 있습니다. ${Math.ceil(wait / 60)}분 뒤에 다시 등록하세요.`,
    };
  }
  return { allowed: true };
}

/** The same rules for the source's wider network, NETWORK_FACTOR times looser (the same text twice is refused all the same). */
export function judgeNetworkFlood(activity: NetworkActivity, settings: Pick<CommentSettings, "minIntervalSeconds" | "maxPerHourPerStory" | "duplicateWindowMinutes">, now: Date): FloodVerdict {
  const asSource = judgeFlood({ lastPostAt: null, postsThisHourOnStory: 0, oldestThisHourOnStory: null, sameTextAt: activity.sameTextAt }, settings, now);
  if (!asSource.allowed) return asSource;
  if (settings.minIntervalSeconds > 0 && activity.postsInInterval >= NETWORK_FACTOR) {
    const wait = secondsUntil((activity.oldestInInterval?.getTime() ?? now.getTime()) + settings.minIntervalSeconds * 1000, now);
    return { allowed: false, rule: "network-interval", retryAfterSeconds: wait, message: `같은 네트워크에서 댓글이 너무 자주 올라옵니다. ${wait}초 뒤에 다시 등록하세요.` };
  }
  if (activity.postsThisHourOnStory >= settings.maxPerHourPerStory * NETWORK_FACTOR) {
    const wait = secondsUntil((activity.oldestThisHourOnStory?.getTime() ?? now.getTime()) + HOUR_MS, now);
    return { allowed: false, rule: "network-hourly", retryAfterSeconds: wait, message: `같은 네트워크에서 이 기사에 댓글이 너무 많이 올라왔습니다. ${Math.ceil(wait / 60)}분 뒤에 다시 등록하세요.` };
  }
  return { allowed: true };
}
