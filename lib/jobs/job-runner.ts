// The worker that runs queued jobs: one in every app instance, all taking jobs from the same
// PostgreSQL table. graphile-worker locks each job with SKIP LOCKED, so two instances never run
// the same job at once; LISTEN/NOTIFY wakes a worker as soon as a job is committed; a job whose
// task throws is retried with exponential backoff (exp(min(attempt, 10)) seconds) until its
// maxAttempts, then left failed with its last error for the newsroom to see.
import { run, type Runner, type Task } from "graphile-worker";
import type { z } from "zod";
import { jobQueueLogger, type JobLogTarget } from "@/lib/jobs/job-queue-logger";

export interface JobContext {
  /** 1 on the first try. */
  attempt: number;
  maxAttempts: number;
  jobId: string;
}

/** How one kind of job is read and run. The payload is checked: a job may outlive a deploy. */
interface JobTask<Payload> {
  payload: z.ZodType<Payload>;
  run(payload: Payload, context: JobContext): Promise<void>;
}

/** Every task by name: a table of this type is what a runner is started with. */
export type JobTaskTable<Payloads extends Record<string, unknown>> = { [Name in keyof Payloads & string]: JobTask<Payloads[Name]> };

export interface JobRunnerOptions<Payloads extends Record<string, unknown>> {
  connectionString: string;
  tasks: JobTaskTable<Payloads>;
  /** Jobs run at once in this instance. */
  concurrency?: number;
  /** How often to look for jobs whose time has come (retries, scheduled); new jobs wake it at once. */
  pollIntervalMs?: number;
  log?: JobLogTarget;
}

export interface RunningJobRunner {
  /** Stops taking jobs, waits for those running to finish (or fail and be retried later). */
  stop(): Promise<void>;
}

function toGraphileTask<Payload>(name: string, task: JobTask<Payload>, log?: JobLogTarget): Task {
  return async (raw, helpers) => {
    const parsed = task.payload.safeParse(raw);
    if (!parsed.success) {
      // Retrying cannot fix a payload of the wrong shape: it is logged and the job dropped.
      (log ?? { error: (_: unknown, message: string) => console.error(message) }).error({ task: name, jobId: helpers.job.id, issues: parsed.error.issues }, "job payload refused");
      return;
    }
    await task.run(parsed.data, { attempt: helpers.job.attempts, maxAttempts: helpers.job.max_attempts, jobId: helpers.job.id });
  };
}

export async function startJobRunner<Payloads extends Record<string, unknown>>(options: JobRunnerOptions<Payloads>): Promise<RunningJobRunner> {
  const taskList: Record<string, Task> = {};
  for (const [name, task] of Object.entries(options.tasks) as [string, JobTask<unknown>][]) taskList[name] = toGraphileTask(name, task, options.log);
  const runner: Runner = await run({
    connectionString: options.connectionString,
    taskList,
    concurrency: options.concurrency ?? 2,
    pollInterval: options.pollIntervalMs ?? 2_000,
    // Our process handles its own signals (it stops the HTTP server, then this runner).
    noHandleSignals: true,
    // No crontab file: recurring work is scheduled by the tasks themselves.
    parsedCronItems: [],
    logger: jobQueueLogger(options.log),
  });
  return {
    async stop() {
      await runner.stop();
    },
  };
}
