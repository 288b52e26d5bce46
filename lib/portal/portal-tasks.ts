// Not marked server-only: the job runner in server/ runs it, outside Next.js's bundle.
// The portal's tasks for the job runner (lib/jobs/job-tasks.ts holds every feature's).
import type { Db } from "@/lib/db/client";
import type { JobTaskTable } from "@/lib/jobs/job-runner";
import { deliverWaiting, deliverySettingsFromEnv, type DeliverySettings } from "@/lib/portal/delivery";
import { planLiveRevision } from "@/lib/portal/planning";
import { SWEEP_INTERVAL_MS, enqueueDeliveriesWaiting, enqueueSweep, portalPayloads, type PortalJobPayloads } from "@/lib/portal/portal-queue";

/** The tasks, with delivery settings (the tests pass their own: short waits, a local receiver). */
export function portalTasks(db: Db, settings: () => DeliverySettings = deliverySettingsFromEnv): JobTaskTable<PortalJobPayloads> {
  return {
    "portal.deliver": {
      payload: portalPayloads["portal.deliver"],
      run: ({ destinationId, articleId }) => deliverWaiting(db, destinationId, articleId, settings()),
    },
    "portal.plan": {
      payload: portalPayloads["portal.plan"],
      // A scheduled story's time came: the same decision as a publication, in a transaction of its
      // own, with the row locked so a desk action on the story waits for it. If the story moved
      // (rescheduled, withdrawn, unpublished) it is not public now and nothing is sent.
      run: ({ articleId }) =>
        db.$transaction(async (tx) => {
          await tx.$queryRaw`SELECT 1 FROM "Article" WHERE "id" = ${articleId} FOR UPDATE`;
          await planLiveRevision(tx, articleId, new Date());
        }),
    },
    "portal.sweep": {
      payload: portalPayloads["portal.sweep"],
      run: async () => {
        await enqueueDeliveriesWaiting(db);
        await enqueueSweep(db, new Date(Date.now() + SWEEP_INTERVAL_MS));
      },
    },
  };
}
