import "server-only";
// The admin enters the elections whose poll blackout the workflow enforces (공직선거법 제108조 제1항).
// Entering one takes the lock every poll story's move to readers takes (poll-blackouts.ts): a
// poll story already scheduled into the new window is found here and the election refused until
// the desk moves it, so no scheduled story can slip out inside a window entered after it.
import { assertCan } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import type { DbTransaction } from "@/lib/db/client";
import { createElectionSchema, deleteElectionSchema } from "@/lib/elections/election-schemas";
import { pollBlackoutWindow } from "@/lib/elections/poll-blackout";
import { lockPollBlackouts } from "@/lib/elections/poll-blackouts";
import { conflict, invalid, notFound } from "@/lib/errors";
import { emitDomainEvent } from "@/lib/events/domain-events";
import { formatKstMinute } from "@/lib/format/korean-time";
import { parseInput } from "@/lib/validation";

export interface ElectionOut {
  id: number;
  name: string;
  pollBlackoutStartsAt: Date;
  votingEndsAt: Date;
  createdBy: string | null;
  /** Whether its window has not ended yet (ended ones stay listed, for the record). */
  ahead: boolean;
}

export async function listElections(actor: StaffUser, now = new Date()): Promise<ElectionOut[]> {
  assertCan(actor, "election.manage");
  const rows = await db.election.findMany({
    orderBy: [{ votingEndsAt: "desc" }, { id: "desc" }],
    take: 50,
    select: { id: true, name: true, pollBlackoutStartsAt: true, votingEndsAt: true, createdBy: { select: { name: true } } },
  });
  return rows.map((row) => ({ ...row, createdBy: row.createdBy?.name ?? null, ahead: row.votingEndsAt.getTime() > now.getTime() }));
}

/** Poll stories scheduled to go out inside [startsAt, endsAt): their ids and headlines. */
async function pollStoriesScheduledInto(tx: DbTransaction, startsAt: Date, endsAt: Date): Promise<{ id: number; headline: string; publishedAt: Date }[]> {
  return tx.$queryRaw`
    SELECT a."id", a."headline", a."publishedAt" FROM "Article" a
    WHERE a."status" = 'SCHEDULED' AND a."publishedAt" >= ${startsAt} AND a."publishedAt" < ${endsAt}
      AND (a."pollSurvey" IS NOT NULL OR EXISTS (SELECT 1 FROM "ArticleRevision" r WHERE r."id" = a."liveRevisionId" AND r."pollSurvey" IS NOT NULL))
    ORDER BY a."publishedAt", a."id"`;
}

export async function createElection(actor: StaffUser, input: unknown, now = new Date()): Promise<ElectionOut> {
  assertCan(actor, "election.manage");
  const { name, electionDay, votingEndsAt } = parseInput(createElectionSchema, input);
  const window = pollBlackoutWindow(electionDay, votingEndsAt);
  if (window.endsAt.getTime() <= now.getTime()) throw invalid("투표가 이미 끝난 선거입니다. 앞으로의 선거일을 적어 주세요.");
  return db.$transaction(async (tx) => {
    await lockPollBlackouts(tx);
    const scheduled = await pollStoriesScheduledInto(tx, window.startsAt, window.endsAt);
    if (scheduled.length > 0) {
      const names = scheduled.map((story) => `「${story.headline}」(${formatKstMinute(story.publishedAt)})`).join(", ");
      throw conflict(
        `이 선거의 여론조사 공표 금지 기간(${formatKstMinute(window.startsAt)}~${formatKstMinute(window.endsAt)})에 발행 예약된 여론조사 보도가 있습니다: ${names}. 예약을 투표 마감 뒤로 옮기거나 취소한 뒤 다시 등록하세요.`,
        { articleIds: scheduled.map((story) => story.id) },
      );
    }
    const row = await tx.election.create({
      data: { name, pollBlackoutStartsAt: window.startsAt, votingEndsAt: window.endsAt, createdById: actor.id, createdAt: now },
      select: { id: true, name: true, pollBlackoutStartsAt: true, votingEndsAt: true },
    });
    await emitDomainEvent(tx, { type: "election.changed", electionId: row.id, actorId: actor.id, change: "created", name, startsAt: window.startsAt.toISOString(), endsAt: window.endsAt.toISOString() });
    return { ...row, createdBy: actor.name, ahead: true };
  });
}

export async function deleteElection(actor: StaffUser, input: unknown): Promise<void> {
  assertCan(actor, "election.manage");
  const { electionId } = parseInput(deleteElectionSchema, input);
  await db.$transaction(async (tx) => {
    await lockPollBlackouts(tx);
    const row = await tx.election.findUnique({ where: { id: electionId }, select: { id: true, name: true, pollBlackoutStartsAt: true, votingEndsAt: true } });
    if (!row) throw notFound("선거를 찾을 수 없습니다.");
    await tx.election.delete({ where: { id: row.id } });
    await emitDomainEvent(tx, { type: "election.changed", electionId: row.id, actorId: actor.id, change: "deleted", name: row.name, startsAt: row.pollBlackoutStartsAt.toISOString(), endsAt: row.votingEndsAt.toISOString() });
  });
}
