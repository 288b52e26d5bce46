// The readers' mail jobs (lib/jobs): their names, payload schemas and how they are queued. Not
// marked server-only: the subscription consumer (lib/events) queues them inside the desk's
// transactions, which start-up scripts run too.
import { z } from "zod";
import type { DbTransaction } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue-job";

const subscriptionId = z.string().min(1).max(40);
const articleId = z.number().int().positive();

export const readerMailPayloads = {
  /** The confirmation mail of a pending subscription. */
  "reader-mail.confirm": z.object({ subscriptionId }),
  /** A story went public: queue one mail per follower of its bylines (once per story). */
  "reader-mail.story": z.object({ articleId }),
  "reader-mail.story-to": z.object({ articleId, subscriptionId }),
  /** The morning digest, at the admin's KST time: fix the day's stories and queue one mail per reader. */
  "reader-mail.digest": z.object({}),
  "reader-mail.digest-to": z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), subscriptionId }),
};

export type ReaderMailJobPayloads = { [Name in keyof typeof readerMailPayloads]: z.infer<(typeof readerMailPayloads)[Name]> };

/** A mail to a reader is worth a few retries over about an hour and a half (graphile-worker's exponential backoff), then left failed for the newsroom to see. */
export const MAIL_MAX_ATTEMPTS = 10;

const DIGEST_JOB_KEY = "reader-mail.digest";

/**
 * Queues the followers' mails for a story at `at` (its publication time; a scheduled story's is
 * later). One waiting job per story: a new time replaces the old one.
 */
export async function enqueueStoryMailing(tx: DbTransaction, id: number, at: Date): Promise<void> {
  await enqueueJob(tx, "reader-mail.story", { articleId: id }, { jobKey: `reader-mail.story:${id}`, runAt: at, maxAttempts: MAIL_MAX_ATTEMPTS });
}

/**
 * Puts the digest job at `runAt`. `keepWaitingTime`: a digest already waiting keeps its time (the
 * start-up call, so that a restart after the time came does not push that morning's digest to the
 * next day); otherwise the new time replaces it (the admin changed it).
 */
export async function enqueueDigest(tx: Pick<DbTransaction, "$queryRaw">, runAt: Date, keepWaitingTime: boolean): Promise<void> {
  await tx.$queryRaw(Prisma.sql`SELECT graphile_worker.add_job(
    identifier => 'reader-mail.digest'::text,
    payload => '{}'::json,
    run_at => ${runAt}::timestamptz,
    max_attempts => ${MAIL_MAX_ATTEMPTS}::smallint,
    job_key => ${DIGEST_JOB_KEY}::text,
    job_key_mode => ${keepWaitingTime ? "preserve_run_at" : "replace"}::text
  )`);
}

/** Takes the waiting digest job off the queue (the admin turned the digest off). */
export async function removeDigestJob(tx: Pick<DbTransaction, "$queryRaw">): Promise<void> {
  await tx.$queryRaw`SELECT graphile_worker.remove_job(${DIGEST_JOB_KEY}::text)`;
}
