// Not marked server-only: the job runner in server/ runs it, outside Next.js's bundle.
// Every task the job runner of each app instance runs (server/job-runner.ts starts it): one
// table, each feature adding its tasks by name, each payload checked by its zod schema.
import type { Db } from "@/lib/db/client";
import type { JobTaskTable } from "@/lib/jobs/job-runner";
import { portalTasks } from "@/lib/portal/portal-tasks";
import type { PortalJobPayloads } from "@/lib/portal/portal-queue";

export type JobPayloads = PortalJobPayloads;

/** The tasks, on the host's own database client (`lib/db` is Next.js's, server-only). */
export function jobTasks(client: Db): JobTaskTable<JobPayloads> {
  return { ...portalTasks(client) };
}
