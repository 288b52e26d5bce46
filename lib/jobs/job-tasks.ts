import "server-only";
// Every task the job runners take, by name: the one table each instance's runner is started with
// (server/job-queue.ts). A task's payload is checked against its schema before it runs (a job may
// outlive a deploy). Add a task here with its payload type.
import type { JobTaskTable } from "@/lib/jobs/job-runner";
import type { ReaderMailJobPayloads } from "@/lib/subscriptions/mail-queue";
import { readerMailTasks } from "@/lib/subscriptions/mail-tasks";
import { EXPIRE_TAKEDOWN_TASK, expireTakedown, expireTakedownPayload } from "@/lib/takedowns/expire-takedowns";

type JobPayloads = ReaderMailJobPayloads & {
  /** A 임시조치's end at its time, recorded once (lib/takedowns/expire-takedowns.ts). */
  [EXPIRE_TAKEDOWN_TASK]: { takedownId: number };
};

export const JOB_TASKS: JobTaskTable<JobPayloads> = {
  [EXPIRE_TAKEDOWN_TASK]: {
    payload: expireTakedownPayload,
    async run({ takedownId }) {
      await expireTakedown(takedownId);
    },
  },
  // Readers' mails: confirmations, followers' mails, the morning digest (lib/subscriptions).
  ...readerMailTasks(),
};
