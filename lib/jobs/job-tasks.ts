import "server-only";
// Every task the job runner of each app instance runs (server/job-runner.ts starts it): one
// table, each feature adding its tasks by name, each payload checked by its zod schema.
import type { JobTaskTable } from "@/lib/jobs/job-runner";
import type { ReaderMailJobPayloads } from "@/lib/subscriptions/mail-queue";
import { readerMailTasks } from "@/lib/subscriptions/mail-tasks";

export type JobPayloads = ReaderMailJobPayloads;

export function jobTasks(): JobTaskTable<JobPayloads> {
  return { ...readerMailTasks() };
}
