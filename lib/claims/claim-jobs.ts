import "server-only";
// The rights desk's recurring work on the job queue (lib/jobs): purging claimants' personal data
// past its retention (lib/claims/purge-claims.ts). The task schedules its own next run, daily at
// 04:00 in Korea, under one job key, so however many instances run there is one waiting job, and
// graphile-worker's SKIP LOCKED gives it to one of them. A start of any instance also asks for a
// run at once (the same key: still one job), so a purge missed while every instance was down
// happens at the next start.
import { z } from "zod";
import { purgeExpiredClaims } from "@/lib/claims/purge-claims";
import { db } from "@/lib/db";
import type { DbTransaction } from "@/lib/db/client";
import { nextKstMidnight } from "@/lib/format/korean-time";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import type { JobContext } from "@/lib/jobs/job-runner";

export const CLAIM_PURGE_TASK = "claims.purge-expired";
const CLAIM_PURGE_JOB_KEY = "claims:purge-expired";

const HOUR_MS = 60 * 60_000;

/** The next 04:00 in Korea after `now`: a quiet hour for the newsroom. */
export function nextPurgeRun(now: Date): Date {
  const todayAtFour = nextKstMidnight(now.getTime()) - 20 * HOUR_MS;
  return new Date(todayAtFour > now.getTime() ? todayAtFour : todayAtFour + 24 * HOUR_MS);
}

/** Asks for the purge at `runAt` (one waiting job whatever the number of callers). */
export async function schedulePurge(tx: DbTransaction, runAt: Date): Promise<void> {
  await enqueueJob(tx, CLAIM_PURGE_TASK, {}, { jobKey: CLAIM_PURGE_JOB_KEY, runAt, maxAttempts: 5 });
}

export const claimPurgeTask = {
  payload: z.object({}),
  async run(_payload: Record<string, never>, _context: JobContext): Promise<void> {
    const now = new Date();
    await purgeExpiredClaims(now);
    await db.$transaction((tx) => schedulePurge(tx, nextPurgeRun(now)));
  },
};

/** At an instance's start: a purge now (then daily). */
export async function scheduleClaimJobsAtStart(now = new Date()): Promise<void> {
  await db.$transaction((tx) => schedulePurge(tx, now));
}
