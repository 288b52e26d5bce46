// The job queue (lib/jobs) on a real PostgreSQL: a job exists exactly when the transaction that
// added it committed; a waiting job with the same key is not added twice; two runners (two app
// instances) run each job once; a task that throws is retried, and its payload is checked.
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db";
import { inSqlTransaction, runSql } from "@/lib/db/sql";
import { addJobStatement, enqueueJob } from "@/lib/jobs/enqueue-job";
import { startJobRunner, type JobContext, type JobTaskTable, type RunningJobRunner } from "@/lib/jobs/job-runner";

const url = () => process.env.DATABASE_URL ?? "";
const runners: RunningJobRunner[] = [];
afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.stop()));
  await db.$executeRawUnsafe("DELETE FROM graphile_worker._private_jobs");
});

const quiet = { debug: () => undefined, warn: () => undefined, error: () => undefined };

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

type Payloads = { "test.record": { n: number } };

function recordingTasks(seen: { n: number; attempt: number }[], fail?: (payload: { n: number }, context: JobContext) => boolean): JobTaskTable<Payloads> {
  return {
    "test.record": {
      payload: z.object({ n: z.number().int() }),
      async run(payload: { n: number }, context: JobContext) {
        seen.push({ n: payload.n, attempt: context.attempt });
        if (fail?.(payload, context)) throw new Error("receiving end refused");
      },
    },
  };
}

async function jobsLeft(): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ count: bigint }[]>("SELECT count(*) AS count FROM graphile_worker._private_jobs");
  return Number(rows[0]?.count ?? 0);
}

describe("the job queue", () => {
  it("adds a job only when its transaction commits", async () => {
    await db
      .$transaction(async (tx) => {
        await enqueueJob(tx, "test.record", { n: 1 });
        throw new Error("the change failed after the job was added");
      })
      .catch(() => undefined);
    await db.$transaction(async (tx) => enqueueJob(tx, "test.record", { n: 2 }));
    expect(await jobsLeft()).toBe(1);

    const seen: { n: number; attempt: number }[] = [];
    runners.push(await startJobRunner<Payloads>({ connectionString: url(), tasks: recordingTasks(seen), log: quiet }));
    await waitFor(async () => (await jobsLeft()) === 0, "the committed job to run");
    expect(seen.map((one) => one.n)).toEqual([2]);
  });

  it("adds a job from a statement run on pg directly (the hot paths of lib/db/sql.ts)", async () => {
    await inSqlTransaction((client) => runSql(client, addJobStatement("test.record", { n: 3 })));
    expect(await jobsLeft()).toBe(1);
  });

  it("keeps one waiting job per key", async () => {
    await db.$transaction(async (tx) => enqueueJob(tx, "test.record", { n: 1 }, { jobKey: "story-7:rev-3" }));
    await db.$transaction(async (tx) => enqueueJob(tx, "test.record", { n: 2 }, { jobKey: "story-7:rev-3" }));
    expect(await jobsLeft()).toBe(1);
  });

  it("runs each of 200 jobs exactly once with two runners taking from the same table", async () => {
    const seen: { n: number; attempt: number }[] = [];
    runners.push(await startJobRunner<Payloads>({ connectionString: url(), tasks: recordingTasks(seen), concurrency: 4, log: quiet }));
    runners.push(await startJobRunner<Payloads>({ connectionString: url(), tasks: recordingTasks(seen), concurrency: 4, log: quiet }));
    await db.$transaction(async (tx) => {
      for (let n = 0; n < 200; n++) await enqueueJob(tx, "test.record", { n });
    });
    await waitFor(async () => (await jobsLeft()) === 0, "all jobs to run");
    expect(seen).toHaveLength(200);
    expect(new Set(seen.map((one) => one.n)).size).toBe(200);
  });

  it("retries a task that throws, and stops at maxAttempts with the error kept", async () => {
    const seen: { n: number; attempt: number }[] = [];
    runners.push(await startJobRunner<Payloads>({ connectionString: url(), tasks: recordingTasks(seen, (_, context) => context.attempt < 2), pollIntervalMs: 200, log: quiet }));
    await db.$transaction(async (tx) => enqueueJob(tx, "test.record", { n: 1 }, { maxAttempts: 5 }));
    await db.$transaction(async (tx) => enqueueJob(tx, "test.record", { n: 9 }, { maxAttempts: 1 }));
    // graphile-worker waits exp(1) = 2.7 s before the second attempt.
    await waitFor(() => seen.filter((one) => one.n === 1).length === 2, "the retry", 30_000);
    expect(seen.filter((one) => one.n === 1).map((one) => one.attempt)).toEqual([1, 2]);
    const failed = await db.$queryRawUnsafe<{ attempts: number; last_error: string | null }[]>(
      "SELECT attempts, last_error FROM graphile_worker._private_jobs WHERE payload->>'n' = '9'",
    );
    expect(failed).toEqual([{ attempts: 1, last_error: expect.stringContaining("receiving end refused") }]);
  });

  it("drops a job whose payload has the wrong shape instead of retrying it", async () => {
    const seen: { n: number; attempt: number }[] = [];
    const errors: string[] = [];
    runners.push(
      await startJobRunner<Payloads>({ connectionString: url(), tasks: recordingTasks(seen), log: { ...quiet, error: (_fields, message) => errors.push(message) } }),
    );
    await db.$transaction(async (tx) => enqueueJob(tx, "test.record", { n: "not a number" }));
    await waitFor(async () => (await jobsLeft()) === 0, "the malformed job to be dropped");
    expect(seen).toEqual([]);
    expect(errors).toContain("job payload refused");
  });
});
