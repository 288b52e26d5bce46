// The job runner of this instance (lib/jobs): every instance runs one on the shared PostgreSQL
// table, so deliveries go on whichever instances are up (a job is taken by one at a time). The
// morning digest is put on the queue at start (at its time; one already waiting keeps its own).
// The tasks are domain code marked "server-only", loaded here outside Next.js: like the API fast
// lane, this registers the loader hook that makes that marker empty, then imports them.
import { register } from "node:module";
import type { Env } from "@/lib/config/env";
import { startJobRunner, type RunningJobRunner } from "@/lib/jobs/job-runner";
import type { JobPayloads } from "@/lib/jobs/job-tasks";
import { logger } from "@/lib/observability/logger";
import { SERVER_ONLY_IS_EMPTY } from "@/server/server-only-hook";

export async function startInstanceJobRunner(env: Env): Promise<RunningJobRunner | null> {
  if (!env.DATABASE_URL) return null;
  register(SERVER_ONLY_IS_EMPTY);
  const [{ jobTasks }, { scheduleDigestAtStart }, { db }] = await Promise.all([import("@/lib/jobs/job-tasks"), import("@/lib/subscriptions/digest-settings"), import("@/lib/db")]);
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
