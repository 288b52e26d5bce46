// Jobs are added INSIDE the transaction of the change that causes them (a transactional outbox:
// graphile-worker's job table is in the same database), so a delivery exists exactly when its
// change committed: a rolled-back change leaves no job, a crash after the commit loses none.
import type { DbTransaction } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

export interface EnqueueOptions {
  /**
   * Deduplicates PENDING jobs: a second job with the same key replaces the waiting one (its
   * payload and time). It does not make a delivery idempotent once run: that rests on the
   * domain's own unique record of what was delivered.
   */
  jobKey?: string;
  /** Jobs of one queue run one at a time, in order (e.g. one story's deliveries to one destination). */
  queueName?: string;
  runAt?: Date;
  /** Attempts before the job is left failed (graphile-worker retries with exponential backoff). */
  maxAttempts?: number;
}

/** The statement that adds a job, for callers on a Prisma transaction or on pg directly (lib/db/sql.ts). */
export function addJobStatement(task: string, payload: unknown, options: EnqueueOptions = {}): Prisma.Sql {
  return Prisma.sql`SELECT graphile_worker.add_job(
    identifier => ${task}::text,
    payload => ${JSON.stringify(payload)}::json,
    queue_name => ${options.queueName ?? null}::text,
    run_at => ${options.runAt ?? null}::timestamptz,
    max_attempts => ${options.maxAttempts ?? null}::smallint,
    job_key => ${options.jobKey ?? null}::text
  )`;
}

/** Adds a job to run once `tx` commits (never if it rolls back). */
export async function enqueueJob(tx: DbTransaction, task: string, payload: unknown, options: EnqueueOptions = {}): Promise<void> {
  await tx.$queryRaw(addJobStatement(task, payload, options));
}
