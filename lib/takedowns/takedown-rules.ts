// 임시조치 (정보통신망법 제44조의2 제4항): on a claim that a post infringes someone's rights, the
// desk may block readers' access to it for up to 30 days. The rules readers and the desk share,
// pure and browser-safe: the reason categories and their notice, the longest period, and when a
// block is in force. Which stories readers see is still decided in one place
// (lib/articles/public/visibility.ts), which asks `takedownInForceAt` for the stories' blocks.
import { formatKstMinute } from "@/lib/format/korean-time";
import type { TakedownReason } from "@/lib/generated/prisma/enums";

/** 제44조의2 제4항: "임시조치의 기간은 30일 이내로 한다." */
export const MAX_TAKEDOWN_DAYS = 30;

const DAY_MS = 24 * 60 * 60_000;

/** The category readers see ("... 주장에 따른 임시조치"), never the claimant or the claim itself. */
export const TAKEDOWN_REASON_KO: Record<TakedownReason, string> = {
  DEFAMATION: "명예훼손 주장에 따른 임시조치",
  PRIVACY: "사생활 침해 주장에 따른 임시조치",
  OTHER_RIGHTS: "권리침해 주장에 따른 임시조치",
};

export const TAKEDOWN_REASONS = Object.keys(TAKEDOWN_REASON_KO) as TakedownReason[];

/** A block as it is stored: in force from `startsAt` until `endsAt` while ACTIVE. */
export interface TakedownTimes {
  status: "ACTIVE" | "EXPIRED" | "RESTORED" | "DELETED";
  startsAt: Date;
  endsAt: Date;
}

/**
 * Whether readers see the notice instead of the post at `now`. A block ends by its time alone
 * (the row is marked EXPIRED later, once, by a job that records it): readers never wait for that
 * job, and every instance agrees because each one reads the same time from the same row.
 */
export function takedownInForceAt(takedown: TakedownTimes, now: Date): boolean {
  return takedown.status === "ACTIVE" && takedown.startsAt.getTime() <= now.getTime() && now.getTime() < takedown.endsAt.getTime();
}

/** When a block of `days` days applied at `now` ends. */
export function takedownEndsAt(now: Date, days: number): Date {
  return new Date(now.getTime() + days * DAY_MS);
}

/** What readers see instead of a blocked post. */
export interface TakedownNotice {
  reason: TakedownReason;
  /** The reason category in Korean ("권리침해 주장에 따른 임시조치"). */
  label: string;
  /** Until when (ISO 8601). */
  until: string;
  /** One sentence for readers, with the date in Korea time. */
  text: string;
}

const SUBJECT_KO = { story: "이 기사는", comment: "이 댓글은" } as const;

export function takedownNotice(reason: TakedownReason, endsAt: Date, what: keyof typeof SUBJECT_KO): TakedownNotice {
  const label = TAKEDOWN_REASON_KO[reason];
  return {
    reason,
    label,
    until: endsAt.toISOString(),
    text: `${SUBJECT_KO[what]} ${label}로 ${formatKstMinute(endsAt)}까지 볼 수 없습니다. (정보통신망법 제44조의2)`,
  };
}
