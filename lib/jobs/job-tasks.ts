import "server-only";
// Every task the job queue runs, by name: the one table each instance's runner is started with
// (server/job-queue.ts). A task's payload is checked by its zod schema when it runs (a job may
// outlive a deploy). Add a task here, with its payload type in JobPayloads.
import { claimPurgeTask, CLAIM_PURGE_TASK, scheduleClaimJobsAtStart } from "@/lib/claims/claim-jobs";
import type { JobTaskTable } from "@/lib/jobs/job-runner";

type JobPayloads = {
  [CLAIM_PURGE_TASK]: Record<string, never>;
};

export const JOB_TASKS: JobTaskTable<JobPayloads> = {
  [CLAIM_PURGE_TASK]: claimPurgeTask,
};

/** Recurring jobs each instance asks for when it starts (one waiting job per key, whatever the instances). */
export async function scheduleRecurringJobs(): Promise<void> {
  await scheduleClaimJobsAtStart();
}
