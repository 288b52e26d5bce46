import "server-only";
// The elections' blackouts as the workflow and the review screen need them. A move that puts a poll
// story out and a change to the elections take the same transaction-scoped advisory lock, so an
// election entered while the desk schedules a poll story is seen by one of them: either the
// schedule is refused, or the election's save finds the scheduled story and is refused until the
// desk moves it (lib/elections/manage-elections.ts).
import { pollBlackoutRefusal } from "@/lib/articles/workflow/transition-rules";
import type { DbTransaction } from "@/lib/db/client";
import { conflict } from "@/lib/errors";
import type { PollBlackout } from "@/lib/elections/poll-blackout";

/** Any fixed number: the key of the lock the elections and poll-story moves share. */
const POLL_BLACKOUT_LOCK = 1_080_108;

export async function lockPollBlackouts(tx: DbTransaction): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${POLL_BLACKOUT_LOCK}::bigint)`;
}

/** The blackouts that have not ended by `from`, soonest first. */
async function pollBlackoutsAhead(client: DbTransaction, from: Date): Promise<PollBlackout[]> {
  const elections = await client.election.findMany({ where: { votingEndsAt: { gt: from } }, orderBy: { pollBlackoutStartsAt: "asc" }, select: { name: true, pollBlackoutStartsAt: true, votingEndsAt: true } });
  return elections.map((election) => ({ electionName: election.name, startsAt: election.pollBlackoutStartsAt, endsAt: election.votingEndsAt }));
}

/** Whether the story is flagged as an election poll story, in its working copy or its live revision. */
async function isPollStory(client: DbTransaction, articleId: number): Promise<boolean> {
  const [row] = await client.$queryRaw<{ poll: boolean }[]>`
    SELECT (a."pollSurvey" IS NOT NULL OR EXISTS (SELECT 1 FROM "ArticleRevision" r WHERE r."id" = a."liveRevisionId" AND r."pollSurvey" IS NOT NULL)) AS "poll"
    FROM "Article" a WHERE a."id" = ${articleId}`;
  return row?.poll ?? false;
}

/** For the rule (TransitionSubject.pollStoryBlackouts): the blackouts ahead, or undefined for a story that is not a poll story. */
export async function pollStoryBlackoutsOf(client: DbTransaction, articleId: number, now: Date): Promise<PollBlackout[] | undefined> {
  return (await isPollStory(client, articleId)) ? pollBlackoutsAhead(client, now) : undefined;
}

/**
 * Inside the transaction of a move that puts the story before readers at `at` (after its
 * conditional update, which holds the row): refuses a poll story inside a blackout, naming the rule.
 */
export async function assertOutsidePollBlackout(tx: DbTransaction, articleId: number, at: Date, now: Date): Promise<void> {
  if (!(await isPollStory(tx, articleId))) return;
  await lockPollBlackouts(tx);
  const refusal = pollBlackoutRefusal({ pollStoryBlackouts: await pollBlackoutsAhead(tx, now) }, at);
  if (refusal) throw conflict(refusal, { rule: "공직선거법 제108조 제1항" });
}
