import "server-only";
// Every task the job runner of each app instance runs (server/job-runner.ts starts it): one
// table, each feature adding its tasks by name, each payload checked by its zod schema.
import type { JobTaskTable } from "@/lib/jobs/job-runner";
import { portalTasks } from "@/lib/portal/portal-tasks";
import type { PortalJobPayloads } from "@/lib/portal/portal-queue";

export type JobPayloads = PortalJobPayloads;

export function jobTasks(): JobTaskTable<JobPayloads> {
  return { ...portalTasks() };
}
