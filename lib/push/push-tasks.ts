import "server-only";
// The Web Push jobs (lib/jobs/job-tasks.ts holds every feature's tasks). A story's push to a
// topic runs when the story is public: it records that it ran (once per story and topic) and
// queues one job per browser that chose the topic, once per browser and story however many of
// the story's topics it chose. Each browser's notification is encrypted for its keys (RFC 8291,
// aes128gcm) and signed with the newsroom's VAPID key (RFC 8292) by the web-push library, and
// POSTed with the portal's outbound rules (no private addresses, a time limit). The push service
// answering 404 or 410 means the browser is gone: its row is deleted. Every job looks again at
// the story when it runs: one pulled since, or never public, is not pushed.
import webpush from "web-push";
import { publicSummarySelect, toPublicSummary } from "@/lib/articles/public/public-summary";
import { publiclyVisibleWhere } from "@/lib/articles/public/visibility";
import { serverEnv } from "@/lib/config/env";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import type { JobTaskTable } from "@/lib/jobs/job-runner";
import { OutboundFailure, postToDestination } from "@/lib/portal/outbound-request";
import { pushNotificationFor, type PushNotification } from "@/lib/push/push-notification";
import { PUSH_MAX_ATTEMPTS, enqueueStoryPush, pushPayloads, type PushJobPayloads } from "@/lib/push/push-queue";
import type { PushTopic } from "@/lib/push/push-topics";
import { vapidIdentity } from "@/lib/push/vapid";
import { logger } from "@/lib/observability/logger";

/** How long a push service keeps a notification for a browser that is offline: news older than this is not news. */
const PUSH_TTL_SECONDS = 6 * 3_600;
const PUSH_TIMEOUT_MS = 10_000;

/** The browser is gone (RFC 8030 section 7.3: the subscription expired or was withdrawn). */
const GONE = new Set([404, 410]);
/** The push service refused this message for good (too large, malformed): retrying cannot help. */
const REFUSED_FOR_GOOD = new Set([400, 403, 413]);

/**
 * The browsers that chose `topic`, as a condition on PushSubscription. Written as containment
 * because only `@>` can use the GIN index on "topics"; `topic = ANY ("topics")` reads every row.
 */
export const followersOf = (topic: PushTopic) => Prisma.sql`"topics" @> ARRAY[${topic}]::text[]`;

class PushServiceBusy extends Error {
  override name = "PushServiceBusy";
}

async function notificationFor(articleId: number, topic: PushTopic, now: Date): Promise<PushNotification | null> {
  const row = await db.article.findFirst({ where: { id: articleId, ...publiclyVisibleWhere(now) }, select: publicSummarySelect });
  const story = row ? toPublicSummary(row) : null;
  if (!story) return null;
  return pushNotificationFor({ id: story.id, path: story.href, headline: story.headline, deck: story.deck, description: story.description }, topic, serverEnv().SITE_NAME);
}

export function pushTasks(): JobTaskTable<PushJobPayloads> {
  return {
    "web-push.story": {
      payload: pushPayloads["web-push.story"],
      run: ({ articleId, topic }) =>
        db.$transaction(async (tx) => {
          const now = new Date();
          const article = await tx.article.findFirst({ where: { id: articleId, status: { in: ["PUBLISHED", "SCHEDULED"] }, liveRevisionId: { not: null } }, select: { publishedAt: true } });
          if (!article?.publishedAt) return;
          // Run before its time (another instance's clock): wait for it rather than lose the push.
          if (article.publishedAt > now) return enqueueStoryPush(tx, articleId, topic, article.publishedAt);
          if (!(await tx.article.count({ where: { id: articleId, ...publiclyVisibleWhere(now) } }))) return;
          const first = await tx.pushStoryTopic.updateMany({ where: { articleId, topic, sentAt: null }, data: { sentAt: now } });
          if (first.count === 0) return;
          // One notification per browser and story: a browser that chose two of the story's topics is in PushDelivery once.
          const recipients = await tx.$queryRaw<{ subscriptionId: string }[]>`
            INSERT INTO "PushDelivery" ("articleId", "subscriptionId")
            SELECT ${articleId}, "id" FROM "PushSubscription" WHERE ${followersOf(topic)}
            ON CONFLICT DO NOTHING
            RETURNING "subscriptionId"`;
          for (const { subscriptionId } of recipients) {
            await enqueueJob(tx, "web-push.send", { articleId, subscriptionId }, { jobKey: `web-push.send:${articleId}:${subscriptionId}`, maxAttempts: PUSH_MAX_ATTEMPTS });
          }
          await tx.pushStoryTopic.update({ where: { articleId_topic: { articleId, topic } }, data: { recipients: recipients.length } });
        }),
    },
    "web-push.send": {
      payload: pushPayloads["web-push.send"],
      async run({ articleId, subscriptionId }) {
        const vapid = vapidIdentity();
        // An instance started without the keys leaves the job to be retried (by one that has them), rather than lose it.
        if (!vapid) throw new Error("VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are not set in this instance");
        const subscription = await db.pushSubscription.findUnique({ where: { id: subscriptionId } });
        if (!subscription) return;
        // Which of the story's topics brought it here decides the title's [속보]; 속보 first.
        const pushed = await db.pushStoryTopic.findMany({ where: { articleId, sentAt: { not: null }, topic: { in: subscription.topics } }, select: { topic: true } });
        const topic = (pushed.some((row) => row.topic === "breaking") ? "breaking" : pushed[0]?.topic) as PushTopic | undefined;
        const notification = topic ? await notificationFor(articleId, topic, new Date()) : null;
        if (!notification) return;
        const request = webpush.generateRequestDetails({ endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } }, JSON.stringify(notification), {
          vapidDetails: vapid,
          TTL: PUSH_TTL_SECONDS,
          urgency: topic === "breaking" ? "high" : "normal",
          contentEncoding: "aes128gcm",
        });
        let status: number;
        try {
          const answer = await postToDestination(request.endpoint, request.body, request.headers as Record<string, string>, {
            timeoutMs: PUSH_TIMEOUT_MS,
            allowPrivate: serverEnv().WEB_PUSH_ALLOW_PRIVATE_ADDRESSES === "1",
          });
          status = answer.status;
        } catch (error) {
          if (!(error instanceof OutboundFailure)) throw error;
          await db.pushSubscription.updateMany({ where: { id: subscriptionId }, data: { failures: { increment: 1 } } });
          throw error;
        }
        if (status >= 200 && status < 300) {
          await db.pushSubscription.updateMany({ where: { id: subscriptionId }, data: { lastSuccessAt: new Date(), failures: 0 } });
          return;
        }
        if (GONE.has(status)) {
          await db.pushSubscription.deleteMany({ where: { id: subscriptionId } });
          return;
        }
        await db.pushSubscription.updateMany({ where: { id: subscriptionId }, data: { failures: { increment: 1 } } });
        if (REFUSED_FOR_GOOD.has(status)) {
          logger().warn({ articleId, status }, "push service refused a notification");
          return;
        }
        // 429 and 5xx: the push service is busy or down; the queue tries again later.
        throw new PushServiceBusy(`push service answered ${status}`);
      },
    },
  };
}
