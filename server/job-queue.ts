// The job queue's runner in this instance (lib/jobs): every instance runs one, all taking jobs
// from the same table (SKIP LOCKED: a job runs once), with the one task table (lib/jobs/job-tasks.ts).
// The task modules are domain code marked "server-only"; this process loads them itself, so the
// same loader hook as the API fast lane makes that import empty here.
import { register } from "node:module";
import { logger } from "@/lib/observability/logger";
import type { RunningJobRunner } from "@/lib/jobs/job-runner";
import { SERVER_ONLY_IS_EMPTY } from "@/server/server-only-hook";

export async function startJobQueue(connectionString: string): Promise<RunningJobRunner> {
  register(SERVER_ONLY_IS_EMPTY);
  const [{ startJobRunner }, { jobTasks, scheduleRecurringJobs }] = await Promise.all([import("@/lib/jobs/job-runner"), import("@/lib/jobs/job-tasks")]);
  const runner = await startJobRunner({ connectionString, tasks: jobTasks, log: logger() });
  await scheduleRecurringJobs();
  return runner;
}
