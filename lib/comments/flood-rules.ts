// The flooding rules, as a pure decision over what one source has done lately (read from
// PostgreSQL under that source's lock, lib/comments/post-comment.ts), so they are the same on
// every app instance and can be tested without a clock.
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

export type FloodVerdict = { allowed: true } | { allowed: false; rule: "interval" | "hourly" | "duplicate"; retryAfterSeconds: number; message: string };

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
