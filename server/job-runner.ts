// The job runner of this instance (lib/jobs): every instance runs one on the shared PostgreSQL
// table, so deliveries go on whichever instances are up (a job is taken by one at a time). The
// portal's sweep is put on the queue at start: it finds deliveries whose job a crashed instance
// left locked and anything waiting for a destination switched back on.
import { db } from "@/lib/db";
import type { Env } from "@/lib/config/env";
import { startJobRunner, type RunningJobRunner } from "@/lib/jobs/job-runner";
import { jobTasks, type JobPayloads } from "@/lib/jobs/job-tasks";
import { logger } from "@/lib/observability/logger";
import { enqueueSweep } from "@/lib/portal/portal-queue";

export async function startInstanceJobRunner(env: Env): Promise<RunningJobRunner | null> {
  if (!env.DATABASE_URL) return null;
  const runner = await startJobRunner<JobPayloads>({
    connectionString: env.DATABASE_URL,
    tasks: jobTasks(),
    concurrency: 4,
    pollIntervalMs: 2_000,
    log: logger(),
  });
  await enqueueSweep(db);
  return runner;
}
