// The job runner of this instance (lib/jobs): every instance runs one on the shared PostgreSQL
// table, so deliveries go on whichever instances are up (a job is taken by one at a time). The
// morning digest is put on the queue at start (at its time; one already waiting keeps its own).
import { db } from "@/lib/db";
import type { Env } from "@/lib/config/env";
import { startJobRunner, type RunningJobRunner } from "@/lib/jobs/job-runner";
import { jobTasks, type JobPayloads } from "@/lib/jobs/job-tasks";
import { logger } from "@/lib/observability/logger";
import { scheduleDigestAtStart } from "@/lib/subscriptions/digest-settings";

export async function startInstanceJobRunner(env: Env): Promise<RunningJobRunner | null> {
  if (!env.DATABASE_URL) return null;
  const runner = await startJobRunner<JobPayloads>({
    connectionString: env.DATABASE_URL,
    tasks: jobTasks(),
    concurrency: 4,
    pollIntervalMs: 2_000,
    log: logger(),
  });
  await scheduleDigestAtStart(db);
  return runner;
}
