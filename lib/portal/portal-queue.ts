// The portal's jobs on the queue (lib/jobs): their names, payloads and keys, and the helpers that
// add them inside the caller's transaction. The tasks themselves are in portal-tasks.ts.
// - portal.deliver {destinationId, articleId}: delivers that story's waiting transmissions to
//   that destination, oldest first (one job per pair: its key keeps one waiting at a time);
// - portal.plan {articleId}: at a scheduled story's time, decides what goes where;
// - portal.sweep {}: once a minute, re-enqueues deliveries whose job was lost (a crashed
//   instance's job stays locked for hours) or whose destination came back on.
import { z } from "zod";
import type { Db, DbTransaction } from "@/lib/db/client";
import { addJobStatement, enqueueJob } from "@/lib/jobs/enqueue-job";

export const portalPayloads = {
  "portal.deliver": z.object({ destinationId: z.number().int().positive(), articleId: z.number().int().positive() }),
  "portal.plan": z.object({ articleId: z.number().int().positive() }),
  "portal.sweep": z.object({}),
};

export type PortalJobPayloads = { [Name in keyof typeof portalPayloads]: z.output<(typeof portalPayloads)[Name]> };

/** Unexpected errors (the database away) are retried by the queue this often; delivery failures are counted by us. */
const QUEUE_ATTEMPTS = 25;
const SWEEP_KEY = "portal:sweep";
export const SWEEP_INTERVAL_MS = 60_000;

const deliverKey = (destinationId: number, articleId: number) => `portal:deliver:${destinationId}:${articleId}`;

export async function enqueueDelivery(tx: DbTransaction, destinationId: number, articleId: number, runAt?: Date): Promise<void> {
  await enqueueJob(tx, "portal.deliver", { destinationId, articleId } satisfies PortalJobPayloads["portal.deliver"], { jobKey: deliverKey(destinationId, articleId), runAt, maxAttempts: QUEUE_ATTEMPTS });
}

/** The same, outside a transaction (a delivery job putting itself back for later). */
export async function enqueueDeliveryNow(client: Db, destinationId: number, articleId: number, runAt?: Date): Promise<void> {
  await client.$queryRaw(addJobStatement("portal.deliver", { destinationId, articleId }, { jobKey: deliverKey(destinationId, articleId), runAt, maxAttempts: QUEUE_ATTEMPTS }));
}

/** Plans the story at `publishAt` (a later call for the same story replaces the time). */
export async function enqueuePlanAt(tx: DbTransaction, articleId: number, publishAt: Date): Promise<void> {
  await enqueueJob(tx, "portal.plan", { articleId } satisfies PortalJobPayloads["portal.plan"], { jobKey: `portal:plan:${articleId}`, runAt: publishAt, maxAttempts: QUEUE_ATTEMPTS });
}

export async function enqueueSweep(client: Db | DbTransaction, runAt?: Date): Promise<void> {
  await client.$queryRaw(addJobStatement("portal.sweep", {}, { jobKey: SWEEP_KEY, runAt, maxAttempts: QUEUE_ATTEMPTS }));
}

/**
 * Every story with transmissions due (waiting, or claimed by an instance that stopped answering)
 * gets its delivery job: for one destination switched back on, or for all (the sweep).
 */
export async function enqueueDeliveriesWaiting(client: Db | DbTransaction, destinationId?: number, now = new Date()): Promise<number> {
  const pairs = await client.portalTransmission.findMany({
    where: {
      OR: [
        { status: "PENDING", OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] },
        { status: "SENDING", claimedUntil: { lt: now } },
      ],
      ...(destinationId ? { destinationId } : {}),
      destination: { active: true, kind: { not: "PULL" } },
    },
    distinct: ["destinationId", "articleId"],
    select: { destinationId: true, articleId: true },
  });
  for (const pair of pairs) await client.$queryRaw(addJobStatement("portal.deliver", pair, { jobKey: deliverKey(pair.destinationId, pair.articleId), maxAttempts: QUEUE_ATTEMPTS }));
  return pairs.length;
}
