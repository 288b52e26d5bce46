// 공직선거법 제108조 제1항: "누구든지 선거일 전 6일부터 선거일의 투표마감시각까지 선거에 관하여
// 정당에 대한 지지도나 당선인을 예상하게 하는 여론조사 ... 의 경위와 그 결과를 공표하거나
// 인용하여 보도할 수 없다." The window, as the 선거관리위원회 counts it: from 00:00 of the day six
// days before election day (election on 2024-04-10: from 2024-04-04 00:00; a 보궐선거 on 2021-04-07:
// from 04-01) until voting ends on election day (제155조 제1항: 18:00, 보궐선거 등 20:00), both in
// Korea time. Publication exactly at the closing time is allowed (broadcasters' exit polls go out
// at 18:00 sharp): the window is [start, end). Pure and browser-safe.
import { formatKstMinute } from "@/lib/format/korean-time";

/** A span in which poll stories may not go before readers. */
export interface PollBlackout {
  electionName: string;
  /** 00:00 KST, six days before election day. */
  startsAt: Date;
  /** When voting ends on election day (exclusive). */
  endsAt: Date;
}

const KST_OFFSET_HOURS = 9;
const DAYS_BEFORE = 6;

/** "2028-04-12" and "18:00" (Korea time) as the window they make. */
export function pollBlackoutWindow(electionDay: string, votingEndsAt: string): { startsAt: Date; endsAt: Date } {
  const [year, month, day] = electionDay.split("-").map(Number) as [number, number, number];
  const [hour, minute] = votingEndsAt.split(":").map(Number) as [number, number];
  // Date.UTC carries day and hour underflow into the month before: 2028-04-03 minus 6 days works.
  return {
    startsAt: new Date(Date.UTC(year, month - 1, day - DAYS_BEFORE, -KST_OFFSET_HOURS, 0)),
    endsAt: new Date(Date.UTC(year, month - 1, day, hour - KST_OFFSET_HOURS, minute)),
  };
}

/** Whether `at` falls inside the window (from its start, until its end exclusive). */
export function isInPollBlackout(window: Pick<PollBlackout, "startsAt" | "endsAt">, at: Date): boolean {
  return window.startsAt.getTime() <= at.getTime() && at.getTime() < window.endsAt.getTime();
}

/** The refusal, naming the rule, the election and the window, in Korea time. */
export function pollBlackoutMessage(blackout: PollBlackout, at: Date): string {
  return (
    `공직선거법 제108조 제1항에 따라 ${blackout.electionName}의 선거일 전 6일(${formatKstMinute(blackout.startsAt)})부터 ` +
    `투표 마감(${formatKstMinute(blackout.endsAt)})까지는 선거 여론조사 결과를 공표·보도할 수 없습니다. ` +
    `여론조사 보도로 표시된 이 기사는 ${formatKstMinute(at)}에 내보낼 수 없습니다: 투표 마감 뒤로 예약하거나 여론조사 결과를 빼고 표시를 지우세요.`
  );
}
