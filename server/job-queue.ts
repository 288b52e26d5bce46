// The job queue's runner in this instance (lib/jobs/job-runner.ts): every instance runs one, and
// graphile-worker hands each job to one of them. The tasks are domain code marked server-only,
// loaded here the way the API fast lane loads route modules: after the hook that makes that
// marker empty outside Next.js's bundle. At start, each instance also asks for the recurring jobs
// (one waiting job per key, however many instances ask).
import { register } from "node:module";
import { startJobRunner, type RunningJobRunner } from "@/lib/jobs/job-runner";
import { logger } from "@/lib/observability/logger";
import { SERVER_ONLY_IS_EMPTY } from "@/server/server-only-hook";

/** How often a runner looks for jobs whose time has come (a 임시조치's end is recorded within it). */
const POLL_INTERVAL_MS = 1_000;

export async function startJobQueue(databaseUrl: string): Promise<RunningJobRunner> {
  register(SERVER_ONLY_IS_EMPTY);
  const [{ jobTasksOfThisInstance, scheduleRecurringJobs }, { scheduleDigestAtStart }, { db }, { enqueueSweep }] = await Promise.all([
    import("@/lib/jobs/job-tasks"),
    import("@/lib/subscriptions/digest-settings"),
    import("@/lib/db"),
    import("@/lib/portal/portal-queue"),
  ]);
  const runner = await startJobRunner({ connectionString: databaseUrl, tasks: jobTasksOfThisInstance(), pollIntervalMs: POLL_INTERVAL_MS, log: logger() });
  await scheduleRecurringJobs();
  // The morning digest on the queue at its time (one already waiting keeps its own).
  await scheduleDigestAtStart(db);
  // The portal's sweep: deliveries whose job a stopped instance left locked, and what waited for a
  // destination switched back on (lib/portal/portal-queue.ts). Its key keeps one on the queue.
  await enqueueSweep(db);
  return runner;
}
