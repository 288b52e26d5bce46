// The job runner of this instance (lib/jobs): every instance runs one on the shared PostgreSQL
// table, so deliveries go on whichever instances are up (a job is taken by one at a time). The
// portal's sweep is put on the queue at start: it finds deliveries whose job a crashed instance
// left locked and anything waiting for a destination switched back on. The tasks use a database
// client of the host's own (`lib/db` is the app's, inside Next.js's bundle, and server-only).
import type { Env } from "@/lib/config/env";
import { createPrismaClient } from "@/lib/db/client";
import { startJobRunner, type RunningJobRunner } from "@/lib/jobs/job-runner";
import { jobTasks, type JobPayloads } from "@/lib/jobs/job-tasks";
import { logger } from "@/lib/observability/logger";
import { enqueueSweep } from "@/lib/portal/portal-queue";

export async function startInstanceJobRunner(env: Env): Promise<RunningJobRunner | null> {
  if (!env.DATABASE_URL) return null;
  const client = createPrismaClient(env.DATABASE_URL);
  try {
    const runner = await startJobRunner<JobPayloads>({
      connectionString: env.DATABASE_URL,
      tasks: jobTasks(client),
      concurrency: 4,
      pollIntervalMs: 2_000,
      log: logger(),
    });
    await enqueueSweep(client);
    return {
      stop: async () => {
        try {
          await runner.stop();
        } finally {
          await client.$disconnect();
        }
      },
    };
  } catch (error) {
    await client.$disconnect();
    throw error;
  }
}
