import "server-only";
// Every task the job runners take, by name: the one table each instance's runner is started with
// (server/job-queue.ts). A task's payload is checked against its schema before it runs (a job may
// outlive a deploy). Add a task here with its payload type in JobPayloads.
import { claimPurgeTask, CLAIM_PURGE_TASK, scheduleClaimJobsAtStart } from "@/lib/claims/claim-jobs";
import { db } from "@/lib/db";
import type { JobTaskTable } from "@/lib/jobs/job-runner";
import type { PortalJobPayloads } from "@/lib/portal/portal-queue";
import { portalTasks } from "@/lib/portal/portal-tasks";
import type { PushJobPayloads } from "@/lib/push/push-queue";
import { pushTasks } from "@/lib/push/push-tasks";
import { vapidIdentity } from "@/lib/push/vapid";
import type { ReaderMailJobPayloads } from "@/lib/subscriptions/mail-queue";
import { readerMailTasks } from "@/lib/subscriptions/mail-tasks";
import { EXPIRE_TAKEDOWN_TASK, expireTakedown, expireTakedownPayload } from "@/lib/takedowns/expire-takedowns";

type JobPayloads = ReaderMailJobPayloads & {
  /** A 임시조치's end at its time, recorded once (lib/takedowns/expire-takedowns.ts). */
  [EXPIRE_TAKEDOWN_TASK]: { takedownId: number };
  /** The daily purge of claims past their retention (lib/claims/claim-jobs.ts). */
  [CLAIM_PURGE_TASK]: Record<string, never>;
} & PortalJobPayloads &
  PushJobPayloads;

export const JOB_TASKS: JobTaskTable<JobPayloads> = {
  [EXPIRE_TAKEDOWN_TASK]: {
    payload: expireTakedownPayload,
    async run({ takedownId }) {
      await expireTakedown(takedownId);
    },
  },
  [CLAIM_PURGE_TASK]: claimPurgeTask,
  // Portal transmission (lib/portal/): delivery, a scheduled story's planning, the sweep.
  ...portalTasks(db),
  // Readers' mails: confirmations, followers' mails, the morning digest (lib/subscriptions).
  ...readerMailTasks(),
  // Readers' Web Push: a story's push to a topic the desk chose, and each browser's notification (lib/push).
  ...pushTasks(),
};

/**
 * The tasks this instance's runner takes. One started without the VAPID keys cannot sign a
 * notification, so it does not take them: graphile-worker hands a job only to a runner whose task
 * list names it, and an instance with the keys sends it at once instead of after the retries a
 * keyless one would spend.
 */
export function jobTasksOfThisInstance(): JobTaskTable<Omit<JobPayloads, "web-push.send">> {
  if (vapidIdentity()) return JOB_TASKS;
  const { "web-push.send": _needsVapidKeys, ...rest } = JOB_TASKS;
  return rest;
}

/** Recurring jobs each instance asks for when it starts (one waiting job per key, whatever the instances). */
export async function scheduleRecurringJobs(): Promise<void> {
  await scheduleClaimJobsAtStart();
}
